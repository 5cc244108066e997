package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The shipment had already left, so the order carries on.
 */
@Revision("1")
public record OrderCancellationRejected(UUID orderId, String reason, Instant rejectedAt) {
}

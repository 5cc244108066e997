package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The customer asked to cancel a paid order; it is cancelled once the shipment is stopped
 * and the money refunded.
 */
@Revision("1")
public record OrderCancellationRequested(UUID orderId, String comment, Instant requestedAt) {
}

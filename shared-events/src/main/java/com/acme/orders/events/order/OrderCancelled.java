package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The order was cancelled; {@code comment} is the customer's optional free text.
 */
@Revision("1")
public record OrderCancelled(UUID orderId, CancellationReason reason, String comment, Instant cancelledAt) {
}

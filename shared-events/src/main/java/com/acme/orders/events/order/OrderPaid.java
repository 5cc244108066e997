package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The order's payment was authorized.
 */
@Revision("1")
public record OrderPaid(UUID orderId, UUID paymentId, Instant paidAt) {
}

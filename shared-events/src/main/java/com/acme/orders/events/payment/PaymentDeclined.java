package com.acme.orders.events.payment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The gateway refused the payment.
 */
@Revision("1")
public record PaymentDeclined(UUID paymentId, UUID orderId, String reason, Instant declinedAt) {
}

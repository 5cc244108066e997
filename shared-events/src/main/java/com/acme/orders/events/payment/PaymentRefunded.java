package com.acme.orders.events.payment;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Money;
import org.axonframework.serialization.Revision;

/**
 * The authorized amount went back to the customer.
 */
@Revision("1")
public record PaymentRefunded(UUID paymentId, UUID orderId, Money amount, RefundReason reason, String refundId,
		Instant refundedAt) {
}

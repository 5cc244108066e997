package com.acme.orders.events.payment;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Money;
import org.axonframework.serialization.Revision;

/**
 * The gateway kept refusing the refund; people must settle it by hand.
 */
@Revision("1")
public record PaymentRefundFailed(UUID paymentId, UUID orderId, Money amount, RefundReason reason, String cause,
		Instant failedAt) {
}

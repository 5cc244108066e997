package com.acme.orders.events.payment;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Money;
import org.axonframework.serialization.Revision;

/**
 * The gateway authorized the amount; it is captured until refunded.
 */
@Revision("1")
public record PaymentAuthorized(UUID paymentId, UUID orderId, Money amount, String authorizationId,
		Instant authorizedAt) {
}

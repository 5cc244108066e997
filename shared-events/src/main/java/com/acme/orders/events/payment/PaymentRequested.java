package com.acme.orders.events.payment;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Money;
import org.axonframework.serialization.Revision;

/**
 * The payment context asked the gateway to authorize an order's total.
 */
@Revision("1")
public record PaymentRequested(UUID paymentId, UUID orderId, Money amount, Instant requestedAt) {
}

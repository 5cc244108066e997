package com.acme.orders.payment;

import java.util.UUID;

import com.acme.orders.events.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask for an order's total to be authorized. Creates the payment, or does nothing if it
 * exists.
 */
public record RequestPayment(@TargetAggregateIdentifier UUID paymentId, Money amount, UUID orderId) {
}

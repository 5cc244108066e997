package com.acme.orders.payment;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway did not answer within the payment timeout.
 */
public record TimeOutPayment(@TargetAggregateIdentifier UUID paymentId) {
}

package com.acme.orders.payment;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway declined the payment.
 */
public record RecordDecline(@TargetAggregateIdentifier UUID paymentId, String reason) {
}

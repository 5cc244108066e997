package com.acme.orders.payment;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway authorized the payment, possibly after it timed out.
 */
public record RecordAuthorization(@TargetAggregateIdentifier UUID paymentId, String authorizationId) {
}

package com.acme.orders.command;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The shipment could not be stopped, so the customer's cancellation is refused. Sent by
 * the order policy; a duplicate or late one changes nothing.
 */
public record RejectCancellation(@TargetAggregateIdentifier UUID orderId, String reason) {
}

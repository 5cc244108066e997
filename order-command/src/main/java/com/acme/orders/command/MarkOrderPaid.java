package com.acme.orders.command;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment context authorized the order's total. Sent by the order policy; a duplicate
 * or late one changes nothing.
 */
public record MarkOrderPaid(@TargetAggregateIdentifier UUID orderId, UUID paymentId) {
}

package com.acme.orders.command;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The shipping context reported that the parcel arrived. Sent by the order policy; a
 * duplicate or late one changes nothing.
 */
public record MarkOrderDelivered(@TargetAggregateIdentifier UUID orderId) {
}

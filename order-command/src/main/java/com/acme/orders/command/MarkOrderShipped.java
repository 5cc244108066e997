package com.acme.orders.command;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The shipping context reported that the parcel left. Sent by the order policy; a
 * duplicate or late one changes nothing.
 */
public record MarkOrderShipped(@TargetAggregateIdentifier UUID orderId, String trackingNumber) {
}

package com.acme.orders.shipping;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The carrier reports that the parcel was delivered.
 */
public record RecordDelivery(@TargetAggregateIdentifier UUID shipmentId, Instant occurredAt) {
}

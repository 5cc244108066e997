package com.acme.orders.shipping;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The carrier reports that the parcel left.
 */
public record RecordDispatch(@TargetAggregateIdentifier UUID shipmentId, String trackingNumber, Instant occurredAt) {
}

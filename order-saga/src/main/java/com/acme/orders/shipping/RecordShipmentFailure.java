package com.acme.orders.shipping;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The carrier reports that the shipment cannot be completed.
 */
public record RecordShipmentFailure(@TargetAggregateIdentifier UUID shipmentId, String reason, Instant occurredAt) {
}

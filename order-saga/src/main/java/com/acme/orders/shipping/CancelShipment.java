package com.acme.orders.shipping;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stop the shipment, if the parcel has not left.
 */
public record CancelShipment(@TargetAggregateIdentifier UUID shipmentId) {
}

package com.acme.orders.shipping;

import java.util.UUID;

import com.acme.orders.events.Address;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ship to another address, if the parcel has not left.
 */
public record ChangeShipmentAddress(@TargetAggregateIdentifier UUID shipmentId, Address address) {
}

package com.acme.orders.shipping;

import java.util.UUID;

import com.acme.orders.events.Address;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask the carrier to ship an order. Creates the shipment, or does nothing if it exists.
 */
public record RequestShipment(@TargetAggregateIdentifier UUID shipmentId, UUID orderId, Address address) {
}

package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Address;
import org.axonframework.serialization.Revision;

/**
 * The shipment goes to a new address; the carrier was told.
 */
@Revision("1")
public record ShipmentAddressChanged(UUID shipmentId, UUID orderId, Address address, Instant changedAt) {
}

package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Address;
import org.axonframework.serialization.Revision;

/**
 * The shipping context asked the carrier to ship an order to this address.
 */
@Revision("1")
public record ShipmentRequested(UUID shipmentId, UUID orderId, Address address, Instant requestedAt) {
}

package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Address;
import org.axonframework.serialization.Revision;

/**
 * The parcel had already left when the customer changed the address.
 */
@Revision("1")
public record ShipmentAddressChangeRejected(UUID shipmentId, UUID orderId, Address requestedAddress, String reason,
		Instant rejectedAt) {
}

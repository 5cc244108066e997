package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The carrier delivered the parcel.
 */
@Revision("1")
public record ShipmentDelivered(UUID shipmentId, UUID orderId, Instant deliveredAt) {
}

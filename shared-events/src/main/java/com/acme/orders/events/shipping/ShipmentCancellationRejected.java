package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The shipment could not be stopped: the parcel had already left.
 */
@Revision("1")
public record ShipmentCancellationRejected(UUID shipmentId, UUID orderId, String reason, Instant rejectedAt) {
}

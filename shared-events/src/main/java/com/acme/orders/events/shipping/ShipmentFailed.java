package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The shipment cannot be completed (unserviceable address, lost in transit).
 */
@Revision("1")
public record ShipmentFailed(UUID shipmentId, UUID orderId, String reason, Instant failedAt) {
}

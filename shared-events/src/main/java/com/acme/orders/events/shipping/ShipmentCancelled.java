package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The shipment was stopped before it left.
 */
@Revision("1")
public record ShipmentCancelled(UUID shipmentId, UUID orderId, Instant cancelledAt) {
}

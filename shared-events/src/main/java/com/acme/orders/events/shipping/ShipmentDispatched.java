package com.acme.orders.events.shipping;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The parcel left the warehouse; from now on it cannot be stopped.
 */
@Revision("1")
public record ShipmentDispatched(UUID shipmentId, UUID orderId, String trackingNumber, Instant dispatchedAt) {
}

package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The order's parcel left the warehouse.
 */
@Revision("1")
public record OrderShipped(UUID orderId, String trackingNumber, Instant shippedAt) {
}

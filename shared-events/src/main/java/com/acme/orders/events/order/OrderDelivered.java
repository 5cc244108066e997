package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The order's parcel was delivered.
 */
@Revision("1")
public record OrderDelivered(UUID orderId, Instant deliveredAt) {
}

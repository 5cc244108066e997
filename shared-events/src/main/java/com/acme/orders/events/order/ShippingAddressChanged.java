package com.acme.orders.events.order;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Address;
import org.axonframework.serialization.Revision;

/**
 * The customer changed where the order is to be shipped.
 */
@Revision("1")
public record ShippingAddressChanged(UUID orderId, Address shippingAddress, Instant changedAt) {
}

package com.acme.orders.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One order as the read model knows it. {@code version} is the number of the order's
 * events applied so far; {@code paymentStatus} and {@code shipment} show how the other
 * contexts stand (null until they start).
 */
public record OrderDetails(UUID orderId, String customerId, OrderStatus status, String cancellationReason,
		List<OrderLineView> lines, MoneyView total, AddressView shippingAddress, Instant placedAt, Instant updatedAt,
		long version, String paymentStatus, ShipmentView shipment) {
}

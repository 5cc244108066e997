package com.acme.orders.query;

import java.time.Instant;
import java.util.UUID;

/**
 * An order in a list of orders.
 */
public record OrderSummary(UUID orderId, String customerId, OrderStatus status, MoneyView total, int lineCount,
		Instant placedAt, Instant updatedAt) {
}

package com.acme.orders.query;

import java.time.Instant;
import java.util.UUID;

import com.acme.orders.platform.security.Caller;

/**
 * The order as it was at {@code asOf}, folded from its events, if the caller may see it.
 */
public record FindOrderAsOf(UUID orderId, Instant asOf, Caller caller) {
}

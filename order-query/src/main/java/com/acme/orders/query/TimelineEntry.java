package com.acme.orders.query;

import java.time.Instant;
import java.util.Map;

/**
 * One event in an order's history: its type, time and what it changed; {@code version} is
 * the order's version after it, for the order's own events, and null for payment and
 * shipping events.
 */
public record TimelineEntry(Long version, String type, Instant occurredAt, Map<String, Object> details) {
}

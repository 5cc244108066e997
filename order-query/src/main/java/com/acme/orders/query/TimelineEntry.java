package com.acme.orders.query;

import java.time.Instant;
import java.util.Map;

/**
 * One event in an order's history: its version, type and time, and what it changed.
 */
public record TimelineEntry(long version, String type, Instant occurredAt, Map<String, Object> details) {
}

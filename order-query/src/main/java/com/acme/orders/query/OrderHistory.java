package com.acme.orders.query;

import java.util.List;

/**
 * An order's timeline, oldest event first.
 */
public record OrderHistory(List<TimelineEntry> entries) {
}

package com.acme.orders.query;

import java.util.List;

/**
 * One page of orders and how many there are in all.
 */
public record OrderPage(List<OrderSummary> items, int page, int size, long totalItems) {
}

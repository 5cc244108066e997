package com.acme.orders.command.web;

import jakarta.validation.constraints.Size;

/**
 * Optional body of {@code POST /api/orders/{id}/cancel}: the customer's reason, in their
 * own words.
 */
record CancelOrderRequest(@Size(max = 500) String reason) {
}

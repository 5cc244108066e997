package com.acme.orders.query;

import java.util.UUID;

import com.acme.orders.platform.security.Caller;

/**
 * Everything that happened to an order, oldest first, if the caller may see it.
 */
public record FindOrderHistory(UUID orderId, Caller caller) {
}

package com.acme.orders.query;

import com.acme.orders.platform.security.Caller;

/**
 * One page of the orders the caller may see (their own, or all for admins), optionally of
 * one status.
 */
public record FindOrders(Caller caller, OrderStatus status, OrderSort sort, int page, int size) {
}

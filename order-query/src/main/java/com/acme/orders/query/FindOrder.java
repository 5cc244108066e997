package com.acme.orders.query;

import java.util.UUID;

import com.acme.orders.platform.security.Caller;

/**
 * The order with this id, if the caller may see it.
 */
public record FindOrder(UUID orderId, Caller caller) {
}

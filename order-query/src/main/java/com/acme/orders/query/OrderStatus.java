package com.acme.orders.query;

/**
 * The statuses an order shows in the read model.
 */
public enum OrderStatus {

	PENDING_PAYMENT, PAID, CANCELLING, SHIPPED, DELIVERED, CANCELLED

}

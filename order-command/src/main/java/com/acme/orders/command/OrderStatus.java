package com.acme.orders.command;

/**
 * Where an order stands, as far as the order context knows.
 */
enum OrderStatus {

	PENDING_PAYMENT, PAID, CANCELLING, SHIPPED, DELIVERED, CANCELLED;

	boolean hasShipped() {
		return this == SHIPPED || this == DELIVERED;
	}

}

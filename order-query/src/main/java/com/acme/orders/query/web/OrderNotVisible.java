package com.acme.orders.query.web;

import java.util.UUID;

/**
 * No order with this id that the caller may see.
 */
class OrderNotVisible extends RuntimeException {

	OrderNotVisible(UUID orderId) {
		super("No visible order " + orderId);
	}

}

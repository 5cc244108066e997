package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.events.OrderErrorCode;

/**
 * The order cannot take this command. There is no such order (or it belongs to another
 * customer).
 */
public class OrderNotFound extends OrderException {

	public OrderNotFound(UUID orderId) {
		super(OrderErrorCode.ORDER_NOT_FOUND, "Order " + orderId + " does not exist");
	}

}

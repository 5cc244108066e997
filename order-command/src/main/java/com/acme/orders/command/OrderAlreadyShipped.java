package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.events.OrderErrorCode;

/**
 * The order cannot take this command. It has already shipped.
 */
public class OrderAlreadyShipped extends OrderException {

	public OrderAlreadyShipped(UUID orderId) {
		super(OrderErrorCode.ORDER_ALREADY_SHIPPED, "Order " + orderId + " has already shipped");
	}

}

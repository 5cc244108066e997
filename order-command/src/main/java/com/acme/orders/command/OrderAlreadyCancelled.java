package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.events.OrderErrorCode;

/**
 * The order cannot take this command. It is cancelled.
 */
public class OrderAlreadyCancelled extends OrderException {

	public OrderAlreadyCancelled(UUID orderId) {
		super(OrderErrorCode.ORDER_ALREADY_CANCELLED, "Order " + orderId + " is cancelled");
	}

}

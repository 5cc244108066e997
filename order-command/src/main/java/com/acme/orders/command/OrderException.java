package com.acme.orders.command;

import com.acme.orders.events.OrderErrorCode;

/**
 * A command the order context rejected. The code decides how callers see it.
 */
public abstract class OrderException extends RuntimeException {

	private final OrderErrorCode code;

	protected OrderException(OrderErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public OrderErrorCode code() {
		return code;
	}

}

package com.acme.orders.command;

import java.util.List;

import com.acme.orders.events.OrderErrorCode;

/**
 * An order that breaks the rules of what may be ordered.
 */
public class InvalidOrder extends OrderException {

	private final List<String> violations;

	public InvalidOrder(List<String> violations) {
		super(OrderErrorCode.INVALID_ORDER, "Invalid order: " + String.join("; ", violations));
		this.violations = List.copyOf(violations);
	}

	public List<String> violations() {
		return violations;
	}

}

package com.acme.orders.command;

import java.util.List;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.OrderLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Place a new order for {@code customerId}, paid in {@code currency}.
 */
public record PlaceOrder(@TargetAggregateIdentifier UUID orderId, String customerId, String currency,
		List<OrderLine> lines, Address shippingAddress) {

	public PlaceOrder {
		lines = List.copyOf(lines);
	}

}

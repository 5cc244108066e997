package com.acme.orders.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import org.axonframework.serialization.Revision;

/**
 * A customer placed an order. Revision 1 was an older shape with {@code items} and a
 * one-line address; it is read through an upcaster.
 */
@Revision("2")
public record OrderPlaced(UUID orderId, String customerId, List<OrderLine> lines, Money total, Address shippingAddress,
		Instant placedAt) {

	public OrderPlaced {
		lines = List.copyOf(lines);
	}

}

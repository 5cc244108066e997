package com.acme.orders.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.platform.security.Caller;

/**
 * Test data of the order context (object mother).
 */
final class OrderFixtures {

	static final UUID ORDER_ID = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

	static final String ALICE = "alice";

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private OrderFixtures() {
	}

	static Address adasAddress() {
		return new Address("Ada Lovelace", "1 Main St", "London", "N1 9GU", "GB");
	}

	static Address newAddress() {
		return new Address("Ada Lovelace", "2 Side St", "London", "N1 9GV", "GB");
	}

	static OrderLine twoBooks() {
		return new OrderLine("BOOK-1984", 2, new BigDecimal("12.50"));
	}

	static PlaceOrder placeOrder(List<OrderLine> lines) {
		return new PlaceOrder(ORDER_ID, ALICE, "EUR", lines, adasAddress());
	}

	static PlaceOrder aPlaceOrder() {
		return placeOrder(List.of(twoBooks(), new OrderLine("PEN-1", 1, new BigDecimal("3.99"))));
	}

	static OrderPlaced anOrderPlaced() {
		return new OrderPlaced(ORDER_ID, ALICE, List.of(twoBooks()), new Money(new BigDecimal("25.00"), "EUR"),
				adasAddress(), NOW);
	}

	static Caller alice() {
		return Caller.customer(ALICE);
	}

	static Caller bob() {
		return Caller.customer("bob");
	}

	static Caller ops() {
		return Caller.admin("ops");
	}

}

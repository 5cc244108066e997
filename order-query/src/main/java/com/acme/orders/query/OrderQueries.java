package com.acme.orders.query;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.acme.orders.platform.projection.ProjectionSlots;
import com.acme.orders.platform.projection.ReadModelSlot;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/**
 * Answers order queries from the slot of the order read model that is active, so a replay
 * filling the other slot is never seen.
 */
@Component
class OrderQueries {

	private final ProjectionSlots slots;

	private final Map<ReadModelSlot, OrderSummaryTable> tables;

	OrderQueries(ProjectionSlots slots, OrderReadModel readModel) {
		this.slots = slots;
		this.tables = readModel.tables();
	}

	@QueryHandler
	Optional<OrderDetails> handle(FindOrder query) {
		return read(table -> table.find(query.orderId())).filter(order -> query.caller().mayAccess(order.customerId()));
	}

	@QueryHandler
	OrderPage handle(FindOrders query) {
		String customer = query.caller().admin() ? null : query.caller().name();
		return read(table -> table.page(customer, query.status(), query.sort(), query.page(), query.size()));
	}

	@QueryHandler
	Optional<OrderHistory> handle(FindOrderHistory query) {
		return read(table -> table.find(query.orderId())
			.filter(order -> query.caller().mayAccess(order.customerId()))
			.map(order -> new OrderHistory(table.timeline(query.orderId()))));
	}

	private <T> T read(Function<OrderSummaryTable, T> query) {
		return slots.readActive(OrderReadModel.PROJECTION, slot -> query.apply(tables.get(slot)));
	}

}

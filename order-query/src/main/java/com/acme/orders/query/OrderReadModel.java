package com.acme.orders.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.acme.orders.platform.projection.BatchedWrites;
import com.acme.orders.platform.projection.ReadModelSlot;
import com.acme.orders.platform.projection.SlotTables;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order read model's tables in both slots, and the projection handlers that write
 * them.
 */
final class OrderReadModel {

	static final String PROJECTION = "order-summary";

	static final List<String> TABLES = List.of("order_summary", "order_summary_line", "order_timeline");

	private final Map<ReadModelSlot, OrderSummaryTable> tables = new EnumMap<>(ReadModelSlot.class);

	OrderReadModel(JdbcClient jdbc, BatchedWrites writes, JsonMapper json) {
		for (ReadModelSlot slot : ReadModelSlot.values()) {
			tables.put(slot, new OrderSummaryTable(jdbc, writes, json, new SlotTables(slot, TABLES)));
		}
	}

	Map<ReadModelSlot, OrderSummaryTable> tables() {
		return tables;
	}

	/**
	 * New handlers writing the slot's tables: the order's own events and its progress.
	 */
	List<Object> eventHandlers(ReadModelSlot slot) {
		OrderSummaryTable table = tables.get(slot);
		return List.of(new OrderSummaryProjection(table), new OrderProgressProjection(table));
	}

}

package com.acme.orders.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.platform.projection.BatchedWrites;
import com.acme.orders.platform.projection.SlotTables;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the order read model, on the tables of one slot. Every write is keyed so
 * that applying an event a second time changes nothing: inserts skip existing rows, and
 * updates only move an order to a higher version. Writes go out in JDBC batches when the
 * projection's batch commits ({@link BatchedWrites}).
 */
class OrderSummaryTable {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final BatchedWrites writes;

	private final SlotTables tables;

	OrderSummaryTable(JdbcClient jdbc, BatchedWrites writes, JsonMapper json, SlotTables tables) {
		this.jdbc = jdbc;
		this.writes = writes;
		this.json = json;
		this.tables = tables;
	}

	void insertPlaced(UUID orderId, String customerId, List<OrderLine> lines, Money total, Address address,
			Instant placedAt, long version) {
		Map<String, Object> params = addressParams(address);
		params.put("orderId", orderId);
		params.put("customerId", customerId);
		params.put("status", OrderStatus.PENDING_PAYMENT.name());
		params.put("currency", total.currency());
		params.put("total", total.amount());
		params.put("lineCount", lines.size());
		params.put("placedAt", utc(placedAt));
		params.put("version", version);
		write(orderId, """
				insert into order_summary (order_id, customer_id, status, currency, total_amount, line_count,
				    ship_name, ship_street, ship_city, ship_postal_code, ship_country, placed_at, updated_at, version)
				values (:orderId, :customerId, :status, :currency, :total, :lineCount,
				    :name, :street, :city, :postalCode, :country, :placedAt, :placedAt, :version)
				on conflict (order_id) do nothing
				""", params);
		for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
			OrderLine line = lines.get(lineNo);
			write(orderId, """
					insert into order_summary_line (order_id, line_no, sku, quantity, unit_price)
					values (:orderId, :lineNo, :sku, :quantity, :unitPrice)
					on conflict (order_id, line_no) do nothing
					""", Map.of("orderId", orderId, "lineNo", lineNo, "sku", line.sku(), "quantity", line.quantity(),
					"unitPrice", line.unitPrice()));
		}
	}

	void updateAddress(UUID orderId, Address address, Instant at, long version) {
		Map<String, Object> params = addressParams(address);
		params.put("at", utc(at));
		params.put("version", version);
		params.put("orderId", orderId);
		write(orderId, """
				update order_summary
				set ship_name = case when shipment_id is null then :name else ship_name end,
				    ship_street = case when shipment_id is null then :street else ship_street end,
				    ship_city = case when shipment_id is null then :city else ship_city end,
				    ship_postal_code = case when shipment_id is null then :postalCode else ship_postal_code end,
				    ship_country = case when shipment_id is null then :country else ship_country end,
				    updated_at = :at, version = :version, version_part = 0
				where order_id = :orderId and (version, version_part) < (:version, 0)
				""", params);
	}

	/** The shipment's address is the one the order shows from now on. */
	void updateShipmentAddress(UUID orderId, Address address, Instant at, long shipmentVersion) {
		Map<String, Object> params = addressParams(address);
		params.put("at", utc(at));
		params.put("shipmentVersion", shipmentVersion);
		params.put("orderId", orderId);
		write(orderId, """
				update order_summary
				set ship_name = :name, ship_street = :street, ship_city = :city, ship_postal_code = :postalCode,
				    ship_country = :country, updated_at = greatest(updated_at, :at), shipment_version = :shipmentVersion
				where order_id = :orderId and shipment_version < :shipmentVersion
				""", params);
	}

	void updatePayment(UUID orderId, String paymentStatus, Instant at, long paymentVersion) {
		write(orderId, """
				update order_summary
				set payment_status = :status, updated_at = greatest(updated_at, :at), payment_version = :version
				where order_id = :orderId and payment_version < :version
				""", Map.of("status", paymentStatus, "at", utc(at), "version", paymentVersion, "orderId", orderId));
	}

	void updateShipment(UUID orderId, UUID shipmentId, String shipmentStatus, String trackingNumber, Instant at,
			long shipmentVersion) {
		Map<String, Object> params = new HashMap<>();
		params.put("shipmentId", shipmentId);
		params.put("status", shipmentStatus);
		params.put("tracking", trackingNumber);
		params.put("at", utc(at));
		params.put("version", shipmentVersion);
		params.put("orderId", orderId);
		write(orderId, """
				update order_summary
				set shipment_id = :shipmentId, shipment_status = :status,
				    tracking_number = coalesce(cast(:tracking as text), tracking_number),
				    updated_at = greatest(updated_at, :at), shipment_version = :version
				where order_id = :orderId and shipment_version < :version
				""", params);
	}

	/**
	 * A refused cancellation puts a cancelling order back to paid; a shipped one stays
	 * shipped.
	 */
	void resumeAfterRejectedCancellation(UUID orderId, Instant at, long version) {
		write(orderId, """
				update order_summary
				set status = case when status = 'CANCELLING' then 'PAID' else status end,
				    updated_at = :at, version = :version, version_part = 0
				where order_id = :orderId and (version, version_part) < (:version, 0)
				""", Map.of("at", utc(at), "version", version, "orderId", orderId));
	}

	void updateStatus(UUID orderId, OrderStatus status, String cancellationReason, Instant at, long version, int part) {
		Map<String, Object> params = new HashMap<>();
		params.put("part", part);
		params.put("status", status.name());
		params.put("reason", cancellationReason);
		params.put("at", utc(at));
		params.put("version", version);
		params.put("orderId", orderId);
		write(orderId, """
				update order_summary
				set status = :status, cancellation_reason = coalesce(cast(:reason as text), cancellation_reason),
				    updated_at = :at, version = :version, version_part = :part
				where order_id = :orderId and (version, version_part) < (:version, :part)
				""", params);
	}

	/**
	 * A step in the order's timeline: its own row, keyed by the event, so it need not
	 * wait for the order's other writes.
	 */
	void recordEvent(String eventId, int part, UUID orderId, Long version, String type, Instant at,
			Map<String, Object> details) {
		Map<String, Object> params = new HashMap<>();
		params.put("eventId", eventId);
		params.put("part", part);
		params.put("orderId", orderId);
		params.put("version", version);
		params.put("type", type);
		params.put("at", utc(at));
		params.put("details", json.writeValueAsString(details));
		writes.write(eventId + "#" + part, tables.sql("""
				insert into order_timeline (event_id, part, order_id, version, event_type, occurred_at, details)
				values (:eventId, :part, :orderId, cast(:version as bigint), :type, :at, cast(:details as jsonb))
				on conflict (order_id, event_id, part) do nothing
				"""), params);
	}

	Optional<OrderDetails> find(UUID orderId) {
		return sql("select * from order_summary where order_id = ?").param(orderId)
			.query((rs, row) -> details(rs, linesOf(orderId, rs.getString("currency"))))
			.optional();
	}

	OrderPage page(String customerId, OrderStatus status, OrderSort sort, int page, int size) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (customerId != null) {
			conditions.add("customer_id = :customerId");
			params.put("customerId", customerId);
		}
		if (status != null) {
			conditions.add("status = :status");
			params.put("status", status.name());
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		String direction = sort.ascending() ? "asc" : "desc";
		List<OrderSummary> items = sql("select * from order_summary" + where + " order by " + sort.column() + " "
				+ direction + ", order_id " + direction + " limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> summary(rs))
			.list();
		long total = sql("select count(*) from order_summary" + where).params(params).query(Long.class).single();
		return new OrderPage(items, page, size, total);
	}

	/**
	 * The order's events from every context in the order they happened: each is stamped
	 * by the clock of the handler that decided it, after the event that caused it.
	 */
	List<TimelineEntry> timeline(UUID orderId) {
		return sql("select * from order_timeline where order_id = ? order by occurred_at, version, part, event_id")
			.param(orderId)
			.query((rs, row) -> new TimelineEntry(rs.getObject("version", Long.class), rs.getString("event_type"),
					instant(rs, "occurred_at"), json.readValue(rs.getString("details"), JSON_OBJECT)))
			.list();
	}

	private List<OrderLineView> linesOf(UUID orderId, String currency) {
		return sql("select * from order_summary_line where order_id = ? order by line_no").param(orderId)
			.query((rs, row) -> {
				BigDecimal unitPrice = rs.getBigDecimal("unit_price");
				int quantity = rs.getInt("quantity");
				return new OrderLineView(rs.getString("sku"), quantity, format(unitPrice, currency),
						format(unitPrice.multiply(BigDecimal.valueOf(quantity)), currency));
			})
			.list();
	}

	private JdbcClient.StatementSpec sql(String statement) {
		return jdbc.sql(tables.sql(statement));
	}

	/** Every write of an order keeps its order; it is sent with its batch. */
	private void write(UUID orderId, String statement, Map<String, ?> params) {
		writes.write(orderId, tables.sql(statement), params);
	}

	private static OrderDetails details(ResultSet rs, List<OrderLineView> lines) throws SQLException {
		return new OrderDetails(rs.getObject("order_id", UUID.class), rs.getString("customer_id"),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("cancellation_reason"), lines, total(rs),
				new AddressView(rs.getString("ship_name"), rs.getString("ship_street"), rs.getString("ship_city"),
						rs.getString("ship_postal_code"), rs.getString("ship_country")),
				instant(rs, "placed_at"), instant(rs, "updated_at"), rs.getLong("version"),
				rs.getString("payment_status"), new ShipmentView(rs.getObject("shipment_id", UUID.class),
						rs.getString("shipment_status"), rs.getString("tracking_number")));
	}

	private static OrderSummary summary(ResultSet rs) throws SQLException {
		return new OrderSummary(rs.getObject("order_id", UUID.class), rs.getString("customer_id"),
				OrderStatus.valueOf(rs.getString("status")), total(rs), rs.getInt("line_count"),
				instant(rs, "placed_at"), instant(rs, "updated_at"));
	}

	private static MoneyView total(ResultSet rs) throws SQLException {
		String currency = rs.getString("currency");
		return new MoneyView(format(rs.getBigDecimal("total_amount"), currency), currency);
	}

	private static String format(BigDecimal amount, String currency) {
		return amount.setScale(Money.fractionDigits(currency)).toPlainString();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Map<String, Object> addressParams(Address address) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", address.name());
		params.put("street", address.street());
		params.put("city", address.city());
		params.put("postalCode", address.postalCode());
		params.put("country", address.country());
		return params;
	}

}

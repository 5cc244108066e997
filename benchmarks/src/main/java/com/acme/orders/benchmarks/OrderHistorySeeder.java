package com.acme.orders.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.OrderDelivered;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.OrderShipped;
import com.acme.orders.events.order.ShippingAddressChanged;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentDispatched;
import com.acme.orders.events.shipping.ShipmentRequested;
import com.acme.orders.platform.axon.EventStoreJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Revision;
import org.postgresql.PGConnection;

/**
 * Writes the event history of delivered orders straight into the event table with COPY,
 * as Axon's JDBC store would have stored it (same JSON, revisions, metadata, aggregate
 * sequences): ten events an order, from the order, its payment and its shipment.
 */
final class OrderHistorySeeder {

	static final int EVENTS_PER_ORDER = 10;

	private static final int ORDERS_PER_COPY = 5_000;

	private static final String COPY = """
			copy domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
			    payload_type, payload_revision, payload, meta_data)
			from stdin (format csv)""";

	private static final Address LONDON = new Address("Ada Lovelace", "1 Main St", "London", "N1 9GU", "GB");

	private static final Address CAMBRIDGE = new Address("Ada Lovelace", "12 Side St", "Cambridge", "CB1 1AA", "GB");

	private final ObjectMapper json = EventStoreJson.objectMapper();

	private final HexFormat hex = HexFormat.of();

	private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

	/** Stores {@code orders} orders' histories; returns the number of events written. */
	long seed(Connection connection, int orders) throws SQLException, IOException {
		long events = 0;
		for (int first = 0; first < orders; first += ORDERS_PER_COPY) {
			StringBuilder rows = new StringBuilder();
			for (int order = first; order < Math.min(orders, first + ORDERS_PER_COPY); order++) {
				appendOrder(rows, order);
			}
			events += connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn(COPY, new StringReader(rows.toString()));
		}
		return events;
	}

	private void appendOrder(StringBuilder rows, int number) throws JsonProcessingException {
		UUID orderId = UUID.randomUUID();
		UUID paymentId = UUID.randomUUID();
		UUID shipmentId = UUID.randomUUID();
		String customer = "customer-" + (number % 1_000);
		Money total = new Money(new BigDecimal("37.49"), "EUR");
		Instant at = start.plusSeconds(number);
		String order = orderId.toString();
		String payment = paymentId.toString();
		String shipment = shipmentId.toString();
		Map<String, String> metadata = Map.of("correlationId", UUID.randomUUID().toString(), "principal", customer);
		append(rows, order, 0, "Order", at,
				new OrderPlaced(orderId, customer, List.of(new OrderLine("BOOK-1984", 2, new BigDecimal("12.50")),
						new OrderLine("PEN-1", 3, new BigDecimal("4.163"))), total, LONDON, at),
				metadata);
		append(rows, order, 1, "Order", at.plusMillis(1), new ShippingAddressChanged(orderId, CAMBRIDGE, at), metadata);
		append(rows, payment, 0, "Payment", at.plusMillis(2), new PaymentRequested(paymentId, orderId, total, at),
				metadata);
		append(rows, payment, 1, "Payment", at.plusMillis(3),
				new PaymentAuthorized(paymentId, orderId, total, "AUTH-" + number, at), metadata);
		append(rows, order, 2, "Order", at.plusMillis(4), new OrderPaid(orderId, paymentId, at), metadata);
		append(rows, shipment, 0, "Shipment", at.plusMillis(5),
				new ShipmentRequested(shipmentId, orderId, CAMBRIDGE, at), metadata);
		append(rows, shipment, 1, "Shipment", at.plusMillis(6),
				new ShipmentDispatched(shipmentId, orderId, "TRACK-" + number, at), metadata);
		append(rows, order, 3, "Order", at.plusMillis(7), new OrderShipped(orderId, "TRACK-" + number, at), metadata);
		append(rows, shipment, 2, "Shipment", at.plusMillis(8), new ShipmentDelivered(shipmentId, orderId, at),
				metadata);
		append(rows, order, 4, "Order", at.plusMillis(9), new OrderDelivered(orderId, at), metadata);
	}

	private void append(StringBuilder rows, String aggregateId, long sequence, String aggregateType, Instant at,
			Object payload, Map<String, String> metadata) throws JsonProcessingException {
		rows.append(UUID.randomUUID())
			.append(',')
			.append(aggregateId)
			.append(',')
			.append(sequence)
			.append(',')
			.append(aggregateType)
			.append(',')
			.append(at)
			.append(',')
			.append(payload.getClass().getName())
			.append(',')
			.append(payload.getClass().getAnnotation(Revision.class).value())
			.append(",\\x")
			.append(hex.formatHex(json.writeValueAsBytes(payload)))
			.append(",\\x")
			.append(hex.formatHex(json.writeValueAsBytes(metadata)))
			.append('\n');
	}

}

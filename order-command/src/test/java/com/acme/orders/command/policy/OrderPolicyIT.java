package com.acme.orders.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.acme.orders.command.OrderCommandApplication;
import com.acme.orders.command.PlaceOrder;
import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.RefundReason;
import com.acme.orders.platform.testing.PostgresTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order policy on the real event store: an event delivered twice leaves the Order as
 * once, and the commands it sends carry the policy's system principal.
 */
@SpringBootTest(classes = OrderCommandApplication.class, properties = "orders.snapshot.threshold=3")
@PostgresTest
class OrderPolicyIT {

	private static final Money TOTAL = new Money(new BigDecimal("25.00"), "EUR");

	@Autowired
	private OrderPolicy policy;

	@Autowired
	private CommandGateway commands;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEventDeliveredTwiceChangesTheOrderOnce() {
		UUID orderId = placeOrder();
		UUID paymentId = UUID.randomUUID();
		PaymentAuthorized authorized = new PaymentAuthorized(paymentId, orderId, TOTAL, "AUTH-1",
				java.time.Instant.now());

		policy.on(authorized);
		policy.on(authorized);

		assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderPaid");
	}

	@Test
	void aRefundAfterAFailedShipmentCancelsTheOrderOnce() {
		UUID orderId = placeOrder();
		policy.on(new PaymentAuthorized(UUID.randomUUID(), orderId, TOTAL, "AUTH-1", java.time.Instant.now()));
		PaymentRefunded refunded = new PaymentRefunded(UUID.randomUUID(), orderId, TOTAL, RefundReason.SHIPMENT_FAILED,
				"REFUND-1", java.time.Instant.now());

		policy.on(refunded);
		policy.on(refunded);

		assertThat(eventTypes(orderId)).containsExactly("OrderPlaced", "OrderPaid", "OrderCancelled");
		assertThat(jdbc
			.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry "
					+ "where aggregate_identifier = ? and payload_type like '%.OrderCancelled'")
			.param(orderId.toString())
			.query(String.class)
			.single()).contains("\"principal\":\"system:order-policy\"");
	}

	private UUID placeOrder() {
		UUID orderId = UUID.randomUUID();
		commands.sendAndWait(
				new PlaceOrder(orderId, "alice", "EUR", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50"))),
						new Address("Ada", "1 Main St", "London", "N1 9GU", "GB")));
		return orderId;
	}

	private List<String> eventTypes(UUID orderId) {
		return jdbc
			.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")
			.param(orderId.toString())
			.query(String.class)
			.list()
			.stream()
			.map(type -> type.substring(type.lastIndexOf('.') + 1))
			.toList();
	}

}

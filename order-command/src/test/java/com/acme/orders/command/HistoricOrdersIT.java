package com.acme.orders.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.acme.orders.platform.security.Caller;
import com.acme.orders.platform.testing.PostgresTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders an earlier release stored, in event shapes that no longer exist, still load
 * through the upcasters and take commands.
 */
@SpringBootTest(classes = OrderCommandApplication.class, properties = "orders.snapshot.threshold=3")
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoricOrdersIT {

	private static final UUID CREATED_UNDER_OLD_NAME = UUID.fromString("0e000000-0000-4000-8000-000000000001");

	private static final UUID SHIPPED_AND_DELIVERED = UUID.fromString("0e000000-0000-4000-8000-000000000002");

	@Autowired
	private CommandGateway commands;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	void loadHistory() throws Exception {
		jdbc.sql(new ClassPathResource("history/historic-order-events.sql").getContentAsString(StandardCharsets.UTF_8))
			.update();
	}

	@Test
	void anOrderStoredAsOrderCreatedRevisionOneCanStillBeCancelled() {
		long version = commands
			.sendAndWait(new CancelOrder(CREATED_UNDER_OLD_NAME, "changed my mind", Caller.customer("alice"), 1L));

		assertThat(version).isEqualTo(2);
		assertThat(jdbc
			.sql("select payload_type from domain_event_entry where aggregate_identifier = ? "
					+ "and sequence_number = 1")
			.param(CREATED_UNDER_OLD_NAME.toString())
			.query(String.class)
			.single()).isEqualTo("com.acme.orders.events.order.OrderCancelled");
	}

	@Test
	void anOrderShippedAndDeliveredInOneHistoricEventLoadsAsDelivered() {
		assertThatThrownBy(() -> commands
			.sendAndWait(new CancelOrder(SHIPPED_AND_DELIVERED, null, Caller.customer("alice"), null)))
			.isInstanceOf(OrderAlreadyShipped.class);
	}

	@Test
	void theHistoricCustomerStillOwnsTheOrder() {
		assertThatThrownBy(
				() -> commands.sendAndWait(new CancelOrder(CREATED_UNDER_OLD_NAME, null, Caller.customer("bob"), null)))
			.isInstanceOf(OrderNotFound.class);
	}

}

package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.acme.orders.platform.testing.PostgresTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payment gateway keeps failing: first every refund (of 19.00), then every
 * authorization (of 17.00), retried until the circuit breaker opens. No saga is left
 * waiting: each order is cancelled, a refund that cannot be made is recorded as failed,
 * and every saga ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment.simulator.failing-for-amount=17.00",
				"orders.payment.simulator.refund-failing-for-amount=19.00", "orders.payment.timeout=2s",
				"orders.payment.gateway.call-timeout=500ms", "orders.payment.gateway.first-backoff=50ms",
				"orders.payment.gateway.breaker-open-for=1s", "orders.shipping.simulator.dispatch-after=5s",
				"orders.rate-limit.commands-per-second=100000", "orders.rate-limit.burst=100000" })
@PostgresTest
class SagaPortFailureIT {

	private static final int ORDERS_PER_FAILURE = 6;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	@Autowired
	private MeterRegistry metrics;

	@Test
	void whenThePaymentGatewayKeepsFailingEveryOrderIsCancelledAndEverySagaEnds() throws Exception {
		List<UUID> refundsFail = new ArrayList<>();
		for (int i = 0; i < ORDERS_PER_FAILURE; i++) {
			refundsFail.add(place("19.00"));
		}
		for (UUID orderId : refundsFail) {
			awaitStatus(orderId, "PAID");
			assertThat(api().send("alice", "POST", "/api/orders/" + orderId + "/cancel", null).statusCode())
				.isEqualTo(202);
		}
		refundsFail.forEach(orderId -> awaitStatus(orderId, "CANCELLED"));

		List<UUID> authorizationsFail = new ArrayList<>();
		for (int i = 0; i < ORDERS_PER_FAILURE; i++) {
			authorizationsFail.add(place("17.00"));
		}
		authorizationsFail.forEach(orderId -> awaitStatus(orderId, "CANCELLED"));

		for (UUID orderId : refundsFail) {
			assertThat(read(orderId).get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
			assertThat(events(orderId, "PaymentRefundFailed")).as("refund failures of %s", orderId).isEqualTo(1);
			assertThat(events(orderId, "PaymentRefunded")).isZero();
		}
		for (UUID orderId : authorizationsFail) {
			assertThat(read(orderId).get("cancellationReason").asString()).isEqualTo("PAYMENT_TIMEOUT");
			assertThat(events(orderId, "PaymentAuthorized")).isZero();
		}
		assertThat(metrics.get("orders.payment.refunds.failed").counter().count()).isEqualTo(ORDERS_PER_FAILURE);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(count("saga_entry")).as("sagas still running").isZero());
		assertThat(count("association_value_entry")).isZero();
	}

	private UUID place(String amount) throws Exception {
		HttpResponse<String> placed = api().send("alice", "POST", "/api/orders", """
				{"currency":"EUR","lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":"%s"}],
				 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Town","postalCode":"N1","country":"GB"}}
				""".formatted(amount));
		assertThat(placed.statusCode()).isEqualTo(201);
		return UUID.fromString(json.readTree(placed.body()).get("orderId").asString());
	}

	private void awaitStatus(UUID orderId, String status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> read(orderId).path("status").asString(""), status::equals);
	}

	private JsonNode read(UUID orderId) throws Exception {
		return json.readTree(api().send("ops", "GET", "/api/orders/" + orderId, null).body());
	}

	private long events(UUID orderId, String type) {
		return database.sql("""
				select count(*) from domain_event_entry
				where split_part(payload_type, '.', 6) = ?
				  and convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?""")
			.params(type, orderId.toString())
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return database.sql("select count(*) from " + table).query(Long.class).single();
	}

	private HttpApi api() {
		return new HttpApi(port);
	}

}

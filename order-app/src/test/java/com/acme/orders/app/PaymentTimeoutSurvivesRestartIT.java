package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.acme.orders.platform.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payment timeout is a persistent deadline: the application stops while a payment
 * waits for the gateway, starts again, and the timeout still cancels the order, exactly
 * once.
 */
class PaymentTimeoutSurvivesRestartIT {

	private static final String UNANSWERED_ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":"13.00"}],
			 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"London","postalCode":"N1 9GU","country":"GB"}}""";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aTimeoutDueWhileTheApplicationWasDownFiresOnceAfterTheRestart() throws Exception {
		TestPostgres.Database database = TestPostgres.newDatabase();
		UUID orderId;
		try (ConfigurableApplicationContext beforeRestart = start(database)) {
			orderId = placeUnansweredOrder(beforeRestart);
			JdbcClient sql = beforeRestart.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> sql.sql("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'")
					.query(Long.class)
					.single() == 1);
		}

		try (ConfigurableApplicationContext afterRestart = start(database)) {
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				JsonNode order = read(afterRestart, orderId);
				assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
				assertThat(order.get("cancellationReason").asString()).isEqualTo("PAYMENT_TIMEOUT");
			});
			JdbcClient sql = afterRestart.getBean(JdbcClient.class);
			assertThat(count(sql, orderId, "PaymentTimedOut")).isEqualTo(1);
			assertThat(count(sql, orderId, "OrderCancelled")).isEqualTo(1);
		}
	}

	private static long count(JdbcClient sql, UUID orderId, String eventType) {
		return sql.sql("""
				select count(*) from domain_event_entry
				where payload_type like ? and convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?
				""").params("%." + eventType, orderId.toString()).query(Long.class).single();
	}

	private static ConfigurableApplicationContext start(TestPostgres.Database database) {
		return new SpringApplicationBuilder(OrderManagementApplication.class)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
			.run("--server.port=0", "--orders.payment.timeout=4s",
					"--orders.payment.simulator.unresponsive-for-amount=13.00");
	}

	private UUID placeUnansweredOrder(ConfigurableApplicationContext app) throws Exception {
		HttpResponse<String> placed = send(app, "POST", "/api/orders", UNANSWERED_ORDER);
		assertThat(placed.statusCode()).isEqualTo(201);
		return UUID.fromString(json.readTree(placed.body()).get("orderId").asString());
	}

	private JsonNode read(ConfigurableApplicationContext app, UUID orderId) throws Exception {
		return json.readTree(send(app, "GET", "/api/orders/" + orderId, null).body());
	}

	private HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path, String body)
			throws Exception {
		return HttpApi.of(app).send("alice", method, path, body);
	}

}

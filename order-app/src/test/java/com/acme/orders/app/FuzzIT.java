package com.acme.orders.app;

import static com.acme.orders.app.RequestBodies.NEW_ADDRESS;
import static com.acme.orders.app.RequestBodies.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ten thousand mutated bodies for each command endpoint, from a fixed seed: never a 5xx,
 * every rejection a problem+json that leaks nothing internal, and no rejected request
 * left an event behind (each carries its own correlation id, which every event it caused
 * would carry).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.rate-limit.commands-per-second=1000000", "orders.rate-limit.burst=1000000",
				"orders.payment.simulator.unresponsive-for-amount=25.00" })
@PostgresTest
class FuzzIT {

	private static final int BODIES_PER_ENDPOINT = 10_000;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	@Test
	void mutatedBodiesNeverCauseA5xxOrLeakOrStoreAnything() throws Exception {
		String unpaid = placeOrder();
		String shipment = shipmentOfAPaidOrder();
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		Queue<String> rejected = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> runs = new ArrayList<>();
		runs.add(clients.submit(() -> fuzz("alice", "POST", "/api/orders", ORDER, 1, failures, rejected)));
		runs.add(clients.submit(() -> fuzz("alice", "PUT", "/api/orders/" + unpaid + "/shipping-address", NEW_ADDRESS,
				2, failures, rejected)));
		runs.add(clients.submit(() -> fuzz("alice", "POST", "/api/orders/" + unpaid + "/cancel",
				"{\"reason\":\"changed my mind\"}", 3, failures, rejected)));
		runs.add(clients.submit(() -> fuzz("carrier", "POST", "/api/shipments/" + shipment + "/events",
				"{\"type\":\"DISPATCHED\",\"trackingNumber\":\"1Z999\",\"occurredAt\":\"%s\"}".formatted(Instant.now()),
				4, failures, rejected)));
		for (Future<?> run : runs) {
			run.get();
		}
		clients.shutdown();

		assertThat(failures).as("5xx or leaking answers").isEmpty();
		assertThat(rejected).hasSizeGreaterThan(BODIES_PER_ENDPOINT);
		assertThat(database.sql("""
				select count(*) from domain_event_entry
				where convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' in (:rejected)
				""").param("rejected", List.copyOf(rejected)).query(Long.class).single())
			.as("events caused by rejected requests")
			.isZero();
	}

	private void fuzz(String user, String method, String path, String validBody, long seed, Queue<String> failures,
			Queue<String> rejected) {
		JsonMutator mutator = new JsonMutator(seed);
		HttpApi api = new HttpApi(port);
		for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
			String body = mutator.mutate(validBody);
			String correlationId = UUID.randomUUID().toString();
			try {
				HttpResponse<String> response = api.send(user, method, path, body, "X-Correlation-Id", correlationId);
				if (response.statusCode() >= 500 || (response.statusCode() >= 400 && leaks(response))) {
					failures.add(response.statusCode() + " for " + body + ": " + response.body());
				}
				if (response.statusCode() >= 400) {
					rejected.add(correlationId);
				}
			}
			catch (Exception ex) {
				failures.add(ex + " for " + body);
			}
		}
	}

	private static boolean leaks(HttpResponse<String> response) {
		String body = response.body();
		return !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
				|| body.contains("Exception") || body.contains("java.") || body.contains("SQL")
				|| body.contains("\tat ");
	}

	private String placeOrder() throws Exception {
		HttpResponse<String> placed = new HttpApi(port).send("alice", "POST", "/api/orders", ORDER);
		assertThat(placed.statusCode()).isEqualTo(201);
		return json.readTree(placed.body()).get("orderId").asString();
	}

	/**
	 * Bob's order is paid (not the amount the gateway ignores), so a shipment is
	 * requested.
	 */
	private String shipmentOfAPaidOrder() throws Exception {
		HttpResponse<String> placed = new HttpApi(port).send("bob", "POST", "/api/orders",
				ORDER.replace("12.50", "10.00"));
		String paid = json.readTree(placed.body()).get("orderId").asString();
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> shipmentId(paid), shipmentId -> shipmentId != null);
	}

	private String shipmentId(String orderId) throws Exception {
		JsonNode shipmentId = json.readTree(new HttpApi(port).send("bob", "GET", "/api/orders/" + orderId, null).body())
			.get("shipment")
			.get("shipmentId");
		return shipmentId.isNull() ? null : shipmentId.asString();
	}

}

package com.acme.orders.app;

import static com.acme.orders.app.RequestBodies.NEW_ADDRESS;
import static com.acme.orders.app.RequestBodies.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} over HTTP: a retry gets the first answer and changes nothing,
 * another body is 422, a duplicate in flight is 409, a failed command keeps its key free,
 * and keys expire. The simulated gateway never answers for 25.00, so orders stay
 * cancellable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment.simulator.unresponsive-for-amount=25.00",
				"orders.idempotency.cleanup-interval=200ms" })
@PostgresTest
class IdempotencyIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	@Autowired
	private DataSource dataSource;

	@Test
	void aRetryGetsTheFirstAnswerAgainAndAppendsNothing() throws Exception {
		String key = newKey();
		HttpResponse<String> first = place("alice", key, ORDER);
		long placed = ordersPlaced();
		long orderEvents = eventsOf(orderId(first));

		HttpResponse<String> retry = place("alice", key, ORDER);
		HttpResponse<String> again = place("alice", "\"" + key + "\"", ORDER);

		assertThat(first.statusCode()).isEqualTo(201);
		for (HttpResponse<String> replay : List.of(retry, again)) {
			assertThat(replay.statusCode()).isEqualTo(201);
			assertThat(json.readTree(replay.body())).isEqualTo(json.readTree(first.body()));
			assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
			assertThat(replay.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
			assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		}
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(ordersPlaced()).as("orders placed by the retries").isEqualTo(placed);
		assertThat(eventsOf(orderId(first))).as("events appended to the order by the retries").isEqualTo(orderEvents);
	}

	@Test
	void theSameKeyWithAnotherBodyIs422AndChangesNothing() throws Exception {
		String key = newKey();
		assertThat(place("alice", key, ORDER).statusCode()).isEqualTo(201);
		long placed = ordersPlaced();

		HttpResponse<String> other = place("alice", key, ORDER.replace("\"quantity\":2", "\"quantity\":3"));

		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(other.body()).get("title").asString()).isEqualTo("Idempotency-Key reused");
		assertThat(ordersPlaced()).isEqualTo(placed);
	}

	@Test
	void aKeyBelongsToTheCallerAndTheRoute() throws Exception {
		String key = newKey();
		HttpResponse<String> alices = place("alice", key, ORDER);
		HttpResponse<String> bobs = place("bob", key, ORDER);
		String order = alices.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> moved = api().send("alice", "PUT", order + "/shipping-address", NEW_ADDRESS,
				"Idempotency-Key", key);
		HttpResponse<String> movedAgain = api().send("alice", "PUT", order + "/shipping-address", NEW_ADDRESS,
				"Idempotency-Key", key);

		assertThat(bobs.statusCode()).isEqualTo(201);
		assertThat(orderId(bobs)).isNotEqualTo(orderId(alices));
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(json.readTree(moved.body()).get("version").asLong()).isEqualTo(2);
		assertThat(movedAgain.statusCode()).isEqualTo(200);
		assertThat(movedAgain.body()).isEqualTo(moved.body());
		assertThat(versionOf(orderId(alices))).isEqualTo(2);
	}

	@Test
	void aDuplicateWhileTheFirstIsInFlightIs409AndTheFirstStillSucceeds() throws Exception {
		String key = newKey();
		HttpResponse<String> first;
		HttpResponse<String> duplicate;
		try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
			// Holds the first request in its transaction, just before it records its key.
			blocker.setAutoCommit(false);
			statement.execute("lock table idempotency_key in share mode");
			CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
				.supplyAsync(() -> unchecked(() -> place("alice", key, ORDER)));
			await().atMost(Duration.ofSeconds(10)).until(this::aKeyIsWaitingToBeRecorded);

			duplicate = place("alice", key, ORDER);

			blocker.rollback();
			first = inFlight.get(10, TimeUnit.SECONDS);
		}

		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(json.readTree(duplicate.body()).get("title").asString()).isEqualTo("Request in flight");
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(place("alice", key, ORDER).body()).isEqualTo(first.body());
	}

	@Test
	void concurrentRetriesPlaceOneOrder() throws Exception {
		String key = newKey();
		long placedBefore = ordersPlaced();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<Future<HttpResponse<String>>> replies = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			replies.add(clients.submit(() -> place("alice", key, ORDER)));
		}
		List<String> bodies = new ArrayList<>();
		for (Future<HttpResponse<String>> reply : replies) {
			HttpResponse<String> response = reply.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isIn(201, 409);
			if (response.statusCode() == 201) {
				bodies.add(response.body());
			}
		}
		clients.shutdown();

		assertThat(bodies).isNotEmpty().allMatch(body -> body.equals(bodies.get(0)));
		assertThat(ordersPlaced()).isEqualTo(placedBefore + 1);
	}

	@Test
	void aCommandThatFailedLeavesItsKeyFree() throws Exception {
		String key = newKey();
		String order = place("alice", null, ORDER).headers().firstValue("Location").orElseThrow();

		HttpResponse<String> stale = api().send("alice", "POST", order + "/cancel", "{}", "If-Match", "\"7\"",
				"Idempotency-Key", key);
		HttpResponse<String> current = api().send("alice", "POST", order + "/cancel", "{}", "If-Match", "\"1\"",
				"Idempotency-Key", key);

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(current.statusCode()).isEqualTo(202);

		String invalidFirst = newKey();
		assertThat(place("alice", invalidFirst, ORDER.replace("EUR", "euros")).statusCode()).isEqualTo(400);
		assertThat(place("alice", invalidFirst, ORDER).statusCode()).isEqualTo(201);
	}

	@Test
	void anExpiredKeyCountsForNothingAndIsDeleted() throws Exception {
		String key = newKey();
		HttpResponse<String> first = place("alice", key, ORDER);
		expire(key);

		HttpResponse<String> later = place("alice", key, ORDER);

		assertThat(later.statusCode()).isEqualTo(201);
		assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(orderId(later)).isNotEqualTo(orderId(first));
		expire(key);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> database.sql("select count(*) from idempotency_key where idempotency_key = ?")
				.param(key)
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void aMalformedKeyIs400AndChangesNothing() throws Exception {
		long placed = ordersPlaced();
		for (String key : List.of("x".repeat(256), "\"unterminated", "with\"quote", "back\\slash")) {
			HttpResponse<String> reply = place("alice", key, ORDER);
			assertThat(reply.statusCode()).as("key %s", key).isEqualTo(400);
			assertThat(json.readTree(reply.body()).get("title").asString()).isEqualTo("Invalid Idempotency-Key");
		}
		assertThat(ordersPlaced()).isEqualTo(placed);
	}

	@Test
	void theCarriersRetriedReportIsAnsweredAgain() throws Exception {
		String order = place("alice", null, ORDER).headers().firstValue("Location").orElseThrow();
		UUID shipmentId = UUID.randomUUID();
		String key = newKey();
		String report = "{\"type\":\"DISPATCHED\",\"trackingNumber\":\"T-1\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}";

		HttpResponse<String> unknown = api().send("carrier", "POST", "/api/shipments/" + shipmentId + "/events", report,
				"Idempotency-Key", key);
		HttpResponse<String> unknownAgain = api().send("carrier", "POST", "/api/shipments/" + shipmentId + "/events",
				report, "Idempotency-Key", key);

		assertThat(order).isNotBlank();
		assertThat(unknown.statusCode()).as("a failed report keeps its key free").isEqualTo(404);
		assertThat(unknownAgain.statusCode()).isEqualTo(404);
		assertThat(database.sql("select count(*) from idempotency_key where idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single()).isZero();
	}

	private boolean aKeyIsWaitingToBeRecorded() {
		return database.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query like '%insert into idempotency_key%'""")
			.query(Long.class)
			.single() > 0;
	}

	private void expire(String key) {
		database.sql("update idempotency_key set expires_at = now() - interval '1 second' where idempotency_key = ?")
			.param(key)
			.update();
	}

	private HttpResponse<String> place(String user, String key, String body) throws Exception {
		return (key == null) ? api().send(user, "POST", "/api/orders", body)
				: api().send(user, "POST", "/api/orders", body, "Idempotency-Key", key);
	}

	private UUID orderId(HttpResponse<String> placed) {
		return UUID.fromString(json.readTree(placed.body()).get("orderId").asString());
	}

	private long versionOf(UUID orderId) {
		return database.sql("select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?")
			.param(orderId.toString())
			.query(Long.class)
			.single();
	}

	private long eventsOf(UUID orderId) {
		return database.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
			.param(orderId.toString())
			.query(Long.class)
			.single();
	}

	private long ordersPlaced() {
		return database.sql("select count(*) from domain_event_entry where payload_type like '%OrderPlaced'")
			.query(Long.class)
			.single();
	}

	private HttpApi api() {
		return new HttpApi(port);
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
		try {
			return call.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.orders.platform.testing.PostgresTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rebuilds the order read model through the admin API while customers place orders and
 * read them: no read fails or sees a half-built model, the rebuilt model equals one built
 * from scratch with nothing else going on, the orders an earlier release stored come out
 * right, and no saga or policy runs again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment.simulator.latency=0ms", "orders.shipping.simulator.dispatch-after=20ms",
				"orders.shipping.simulator.deliver-after=20ms", "orders.projections.replay-check-interval=1s",
				"orders.rate-limit.commands-per-second=100000", "orders.rate-limit.burst=100000" })
@PostgresTest
class ProjectionReplayIT {

	private static final String REPLAY = "/api/admin/projections/order-summary/replay";

	private static final UUID HISTORIC_CREATED = UUID.fromString("0e000000-0000-4000-8000-000000000001");

	private static final UUID HISTORIC_SHIPPED_AND_DELIVERED = UUID.fromString("0e000000-0000-4000-8000-000000000002");

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	/**
	 * Stores the historic events before any processor starts, as an earlier release left
	 * them: projections read them from the start of the store, sagas start at its head.
	 */
	@TestConfiguration
	static class EarlierReleasesHistory {

		@Bean
		@DependsOn("flywayInitializer")
		InitializingBean historicEvents(JdbcClient database) {
			return () -> database
				.sql(new ClassPathResource("history/historic-order-events.sql")
					.getContentAsString(StandardCharsets.UTF_8))
				.update();
		}

	}

	@Autowired
	private JdbcClient database;

	@Autowired
	private MeterRegistry metrics;

	@Test
	void aReplayUnderLoadSwitchesToAFullCopyWithoutAFailedOrHalfBuiltRead() throws Exception {
		List<String> indexesBefore = readModelIndexes();
		List<UUID> settled = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 30; i++) {
			settled.add(place(i % 2 == 0 ? "alice" : "bob"));
		}
		settled.forEach(this::awaitDelivered);
		// Written live, a few events per batch; a replay writes the same rows in batches
		// of hundreds.
		List<Map<String, Object>> timelineBuiltLive = dump(activeSlot()).get("order_timeline");
		assertThat(timelineBuiltLive).hasSizeGreaterThan(settled.size());

		Queue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicBoolean loadRuns = new AtomicBoolean(true);
		List<UUID> placedDuringReplay = new CopyOnWriteArrayList<>();
		ExecutorService load = Executors.newFixedThreadPool(3);
		load.submit(() -> placeWhile(loadRuns, placedDuringReplay, failures));
		load.submit(() -> readWhile(loadRuns, settled, failures));
		load.submit(() -> listWhile(loadRuns, settled.size() + 2, failures));

		JsonNode replay;
		try {
			replay = replayWhileLoaded();
		}
		finally {
			loadRuns.set(false);
			load.shutdown();
			assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		assertThat(failures).as("reads and commands during the replay").isEmpty();
		assertThat(placedDuringReplay).as("orders placed during the replay").isNotEmpty();
		assertThat(replay.get("eventsAtStart").asLong()).isPositive();
		assertThat(replay.get("eventsPerSecond").asDouble()).isPositive();
		String active = activeSlot();
		String idle = active.equals("a") ? "b" : "a";
		assertThat(replay.get("slot").asString()).isEqualTo(active);
		assertThat(count("order_summary_" + idle)).as("the old copy is emptied").isZero();
		placedDuringReplay.forEach(this::awaitDelivered);
		assertThat(count("order_summary_" + active)).isEqualTo(settled.size() + placedDuringReplay.size() + 2);
		assertHistoricOrdersReadRight();

		Map<String, List<Map<String, Object>>> builtUnderLoad = dump(active);
		assertThat(builtUnderLoad.get("order_timeline")).as("the timeline as it was written live")
			.containsAll(timelineBuiltLive);
		long events = count("domain_event_entry");
		JsonNode fromScratch = awaitCompleted(
				send("ops", "POST", REPLAY).headers().firstValue("Location").orElseThrow());
		assertThat(fromScratch.get("slot").asString()).isEqualTo(idle);
		Map<String, List<Map<String, Object>>> builtFromScratch = dump(idle);
		builtUnderLoad.forEach((table, rows) -> assertThat(builtFromScratch.get(table))
			.as("%s in a copy built with nothing else going on", table)
			.containsExactlyElementsOf(rows));
		assertThat(count("domain_event_entry")).as("no saga or policy ran again").isEqualTo(events);
		assertThat(readModelIndexes()).as("each rebuilt slot has its indexes back").isEqualTo(indexesBefore);
	}

	@Test
	void theAdminApiShowsWhereTheProjectionStandsAndIsForStaffOnly() throws Exception {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode projection = body(send("ops", "GET", "/api/admin/projections")).get(0);
			assertThat(projection.get("name").asString()).isEqualTo("order-summary");
			assertThat(projection.get("state").asString()).isIn("RUNNING", "REPLAYING");
			assertThat(projection.get("lag").asLong()).isZero();
			assertThat(projection.get("position").asLong()).isEqualTo(projection.get("head").asLong());
			assertThat(metrics.get("orders.projection.lag").tag("projection", "order-summary").gauge().value())
				.isZero();
			assertThat(
					metrics.get("orders.projection.replay.progress").tag("projection", "order-summary").gauge().value())
				.isEqualTo(1.0);
		});
		assertThat(send("alice", "GET", "/api/admin/projections").statusCode()).isEqualTo(403);
		assertThat(send("alice", "POST", REPLAY).statusCode()).isEqualTo(403);
		assertThat(send("carrier", "POST", REPLAY).statusCode()).isEqualTo(403);
		assertThat(send(null, "POST", REPLAY).statusCode()).isEqualTo(401);
		HttpResponse<String> unknown = send("ops", "POST", "/api/admin/projections/no-such-thing/replay");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(body(unknown).get("title").asString()).isEqualTo("Projection not found");
	}

	private JsonNode replayWhileLoaded() throws Exception {
		HttpResponse<String> started = send("ops", "POST", REPLAY);
		HttpResponse<String> second = send("ops", "POST", REPLAY);
		assertThat(started.statusCode()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("/api/admin/projections/order-summary/replays/[0-9a-f-]{36}");
		assertThat(body(started).get("status").asString()).isEqualTo("REPLAYING");
		JsonNode projection = body(send("ops", "GET", "/api/admin/projections/order-summary"));
		if (projection.get("state").asString().equals("REPLAYING")) {
			// The first replay may have finished before the second was asked for.
			List<String> ours = new ArrayList<>(List.of(body(started).get("id").asString()));
			if (second.statusCode() == 202) {
				ours.add(body(second).get("id").asString());
			}
			assertThat(projection.get("progress").isNull() || projection.get("progress").asDouble() <= 1.0).isTrue();
			assertThat(projection.get("replay").get("id").asString()).isIn(ours);
		}
		if (second.statusCode() == 409) {
			assertThat(second.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			return awaitCompleted(location);
		}
		assertThat(second.statusCode()).as("a second replay starts only once the first is done").isEqualTo(202);
		assertThat(body(send("ops", "GET", location)).get("status").asString()).isEqualTo("COMPLETED");
		return awaitCompleted(second.headers().firstValue("Location").orElseThrow());
	}

	@Test
	void aCancelledReplayLeavesTheActiveSlotAndLetsANewOneStart() throws Exception {
		String active = activeSlot();
		String location = send("ops", "POST", REPLAY).headers().firstValue("Location").orElseThrow();

		HttpResponse<String> cancelled = send("ops", "DELETE", location);

		assertThat(cancelled.statusCode()).isEqualTo(200);
		if (!body(cancelled).get("status").asString().equals("COMPLETED")) {
			assertThat(body(cancelled).get("status").asString()).isEqualTo("FAILED");
			assertThat(body(cancelled).get("failure").asString()).isEqualTo("cancelled by ops");
			assertThat(activeSlot()).isEqualTo(active);
			assertThat(count("order_summary_" + (active.equals("a") ? "b" : "a"))).isZero();
		}
		String next = send("ops", "POST", REPLAY).headers().firstValue("Location").orElseThrow();
		assertThat(awaitCompleted(next).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(
				send("ops", "DELETE", "/api/admin/projections/order-summary/replays/" + UUID.randomUUID()).statusCode())
			.isEqualTo(404);
	}

	private void assertHistoricOrdersReadRight() throws Exception {
		JsonNode created = body(send("ops", "GET", "/api/orders/" + HISTORIC_CREATED));
		assertThat(created.get("customerId").asString()).isEqualTo("alice");
		assertThat(created.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(created.get("lines").get(0).get("sku").asString()).isEqualTo("BOOK-1984");
		assertThat(created.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(created.get("total").get("amount").asString()).isEqualTo("25.00");
		assertThat(created.get("shippingAddress").get("postalCode").asString()).isEqualTo("N1 9GU");

		JsonNode delivered = body(send("ops", "GET", "/api/orders/" + HISTORIC_SHIPPED_AND_DELIVERED));
		assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivered.get("shippingAddress").get("street").asString())
			.isEqualTo("somewhere behind the old mill");
		JsonNode history = body(send("ops", "GET", "/api/orders/" + HISTORIC_SHIPPED_AND_DELIVERED + "/history"));
		List<String> types = new ArrayList<>();
		history.forEach(entry -> types.add(entry.get("type").asString()));
		assertThat(types).containsExactly("OrderPlaced", "OrderShipped", "OrderDelivered");
	}

	private void placeWhile(AtomicBoolean runs, List<UUID> placed, Queue<String> failures) {
		while (runs.get()) {
			try {
				placed.add(place("alice"));
			}
			catch (Exception | AssertionError ex) {
				failures.add("placing an order: " + ex);
			}
		}
	}

	/** Orders that were delivered before the replay must read as delivered throughout. */
	private void readWhile(AtomicBoolean runs, List<UUID> settled, Queue<String> failures) {
		int next = 0;
		while (runs.get()) {
			UUID orderId = settled.get(next++ % settled.size());
			try {
				HttpResponse<String> read = send("ops", "GET", "/api/orders/" + orderId);
				if (read.statusCode() != 200 || !body(read).get("status").asString().equals("DELIVERED")
						|| body(read).get("lines").size() != 1) {
					failures.add("reading " + orderId + ": " + read.statusCode() + " " + read.body());
				}
			}
			catch (Exception ex) {
				failures.add("reading " + orderId + ": " + ex);
			}
		}
	}

	/** The list never shows fewer orders than existed before the replay. */
	private void listWhile(AtomicBoolean runs, int atLeast, Queue<String> failures) {
		while (runs.get()) {
			try {
				HttpResponse<String> page = send("ops", "GET", "/api/orders?size=5");
				if (page.statusCode() != 200 || body(page).get("totalItems").asLong() < atLeast) {
					failures.add("listing: " + page.statusCode() + " " + page.body());
				}
			}
			catch (Exception ex) {
				failures.add("listing: " + ex);
			}
		}
	}

	private JsonNode awaitCompleted(String location) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> body(send("ops", "GET", location)), replay -> {
				assertThat(replay.get("status").asString()).isIn("REPLAYING", "COMPLETED");
				return replay.get("status").asString().equals("COMPLETED");
			});
	}

	private UUID place(String customer) throws Exception {
		HttpResponse<String> placed = send(customer, "POST", "/api/orders", """
				{"currency":"EUR","lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":"9.99"}],
				 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Town","postalCode":"N1","country":"GB"}}
				""");
		assertThat(placed.statusCode()).isEqualTo(201);
		return UUID.fromString(body(placed).get("orderId").asString());
	}

	private void awaitDelivered(UUID orderId) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(send("ops", "GET", "/api/orders/" + orderId).body())
				.contains("\"status\":\"DELIVERED\""));
	}

	private String activeSlot() {
		return database.sql("select active_slot from projection_slot where projection = 'order-summary'")
			.query(String.class)
			.single();
	}

	private List<String> readModelIndexes() {
		return database.sql("select indexdef from pg_indexes where tablename like 'order_%' order by indexname")
			.query(String.class)
			.list();
	}

	private long count(String table) {
		return database.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** Every row of one slot's tables, in a stable order. */
	private Map<String, List<Map<String, Object>>> dump(String slot) {
		return Map.of("order_summary", rows("select * from order_summary_%s order by order_id".formatted(slot)),
				"order_summary_line",
				rows("select * from order_summary_line_%s order by order_id, line_no".formatted(slot)),
				"order_timeline",
				rows("select event_id, part, order_id, version, event_type, occurred_at, details::text "
						+ "from order_timeline_%s order by event_id, part".formatted(slot)));
	}

	private List<Map<String, Object>> rows(String query) {
		return database.sql(query).query().listOfRows();
	}

	private HttpResponse<String> send(String user, String method, String path) throws Exception {
		return new HttpApi(port).send(user, method, path, null);
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		return new HttpApi(port).send(user, method, path, body);
	}

	private JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}

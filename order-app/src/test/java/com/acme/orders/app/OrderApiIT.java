package com.acme.orders.app;

import static com.acme.orders.app.RequestBodies.NEW_ADDRESS;
import static com.acme.orders.app.RequestBodies.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assembled backend over HTTP only, as a client sees it: its own request bodies, no
 * types from the application. The simulated gateway never answers for 25.00, so these
 * orders stay unpaid while the customer acts on them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "orders.payment.simulator.unresponsive-for-amount=25.00")
@PostgresTest
class OrderApiIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	@Test
	void anOrderIsPlacedReadChangedAndCancelled() throws Exception {
		Reply placed = send("alice", "POST", "/api/orders", ORDER, null);
		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.header("ETag")).isEqualTo("\"1\"");
		String location = placed.header("Location");
		UUID orderId = UUID.fromString(placed.body().get("orderId").asString());
		assertThat(location).isEqualTo("/api/orders/" + orderId);

		Reply read = send("alice", "GET", location + "?minVersion=1", null, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.body().get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(read.body().get("customerId").asString()).isEqualTo("alice");
		assertThat(read.body().get("total").get("amount").asString()).isEqualTo("25.00");
		assertThat(read.body().get("lines").get(0).get("lineTotal").asString()).isEqualTo("25.00");

		Reply changed = send("alice", "PUT", location + "/shipping-address", NEW_ADDRESS, "\"1\"");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("version").asLong()).isEqualTo(2);
		assertThat(send("alice", "GET", location + "?minVersion=2", null, null).body()
			.get("shippingAddress")
			.get("city")
			.asString()).isEqualTo("Cambridge");

		Reply stale = send("alice", "POST", location + "/cancel", "{\"reason\":\"changed my mind\"}", "\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");

		Reply cancelled = send("alice", "POST", location + "/cancel", "{\"reason\":\"changed my mind\"}", "\"2\"");
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.body().get("version").asLong()).isEqualTo(3);
		JsonNode order = send("alice", "GET", location + "?minVersion=3", null, null).body();
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");

		Reply again = send("alice", "POST", location + "/cancel", null, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");

		JsonNode history = send("alice", "GET", location + "/history", null, null).body();
		assertThat(history.valueStream()
			.filter(entry -> !entry.get("version").isNull())
			.map(entry -> entry.get("type").asString())
			.toList()).as("the order's own events, in version order")
			.containsExactly("OrderPlaced", "ShippingAddressChanged", "OrderCancelled");
		assertThat(history.valueStream().map(entry -> entry.get("type").asString()))
			.as("the payment's steps are in the timeline too")
			.contains("PaymentRequested");
		assertThat(history.valueStream()
			.filter(entry -> entry.get("type").asString().equals("OrderCancelled"))
			.findFirst()
			.orElseThrow()
			.get("comment")
			.asString()).isEqualTo("changed my mind");

		assertThat(database
			.sql("select payload_type from domain_event_entry where aggregate_identifier = ? "
					+ "order by sequence_number")
			.param(orderId.toString())
			.query(String.class)
			.list()).containsExactly("com.acme.orders.events.order.OrderPlaced",
					"com.acme.orders.events.order.ShippingAddressChanged",
					"com.acme.orders.events.order.OrderCancelled");
		assertThat(database.sql("select version from order_summary_a where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aBadBodyIs400ListingTheFieldsAndAppendsNothing() throws Exception {
		long eventsBefore = eventCount();

		Reply rejected = send("alice", "POST", "/api/orders",
				ORDER.replace("\"quantity\":2", "\"quantity\":0").replace("\"GB\"", "\"UK\""), null);

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.contentType()).startsWith("application/problem+json");
		assertThat(rejected.body().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
			.containsExactlyInAnyOrder("lines[0].quantity", "shippingAddress.country");
		assertThat(eventCount()).isEqualTo(eventsBefore);
	}

	@Test
	void withoutCredentialsEveryEndpointIs401() throws Exception {
		for (String[] request : List.of(new String[] { "GET", "/api/orders" }, new String[] { "POST", "/api/orders" },
				new String[] { "GET", "/api/orders/" + UUID.randomUUID() })) {
			Reply reply = send(null, request[0], request[1], request[0].equals("POST") ? ORDER : null, null);
			assertThat(reply.status()).as(request[1]).isEqualTo(401);
		}
	}

	@Test
	void anotherCustomersOrderIs404AndStaysUnchanged() throws Exception {
		String location = send("alice", "POST", "/api/orders", ORDER, null).header("Location");
		send("alice", "GET", location + "?minVersion=1", null, null);

		assertThat(send("bob", "GET", location, null, null).status()).isEqualTo(404);
		assertThat(send("bob", "GET", location + "/history", null, null).status()).isEqualTo(404);
		assertThat(send("bob", "POST", location + "/cancel", null, null).status()).isEqualTo(404);
		assertThat(send("bob", "PUT", location + "/shipping-address", NEW_ADDRESS, null).status()).isEqualTo(404);
		assertThat(send("bob", "GET", "/api/orders?size=100", null, null).body()
			.get("items")
			.valueStream()
			.map(item -> item.get("customerId").asString())).doesNotContain("alice");

		assertThat(send("ops", "GET", location, null, null).status()).as("staff see every order").isEqualTo(200);
		assertThat(send("alice", "GET", location, null, null).body().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void anOrderIsShownAsItWasAtAnEarlierInstant() throws Exception {
		Instant beforePlacement = Instant.now();
		Thread.sleep(20);
		String location = send("alice", "POST", "/api/orders", ORDER, null).header("Location");
		Thread.sleep(20);
		Instant afterPlacement = Instant.now();
		Thread.sleep(20);
		assertThat(send("alice", "PUT", location + "/shipping-address", NEW_ADDRESS, null).status()).isEqualTo(200);
		assertThat(send("alice", "POST", location + "/cancel", null, null).status()).isEqualTo(202);

		JsonNode then = send("alice", "GET", location + "?asOf=" + afterPlacement, null, null).body();
		assertThat(then.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(then.get("version").asLong()).isEqualTo(1);
		assertThat(then.get("shippingAddress").get("city").asString()).isEqualTo("London");
		JsonNode now = send("alice", "GET", location + "?asOf=" + Instant.now(), null, null).body();
		assertThat(now.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(now.get("shippingAddress").get("city").asString()).isEqualTo("Cambridge");

		assertThat(send("alice", "GET", location + "?asOf=" + beforePlacement, null, null).status())
			.as("not placed yet")
			.isEqualTo(404);
		assertThat(send("bob", "GET", location + "?asOf=" + afterPlacement, null, null).status()).isEqualTo(404);
		assertThat(send("ops", "GET", location + "?asOf=" + afterPlacement, null, null).status()).as("support staff")
			.isEqualTo(200);
		assertThat(send("alice", "GET", location + "?asOf=yesterday", null, null).status()).isEqualTo(400);
	}

	private long eventCount() {
		return database.sql("select count(*) from domain_event_entry").query(Long.class).single();
	}

	/**
	 * Fifty commands at once on one order: address changes without and with a stale
	 * {@code If-Match}, and one cancellation. Lost races are retried or answered 409, a
	 * stale version 412, never a 5xx; the order's events stay contiguous and the read
	 * model ends where the events say.
	 */
	@Test
	void fiftyConcurrentCommandsOnOneOrderNeverFailWithA5xx() throws Exception {
		Reply placed = send("alice", "POST", "/api/orders", ORDER, null);
		String location = placed.header("Location");
		UUID orderId = UUID.fromString(placed.body().get("orderId").asString());
		ExecutorService callers = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int caller = i;
			statuses.add(callers.submit(() -> {
				start.await();
				if (caller == 25) {
					return send("alice", "POST", location + "/cancel", "{\"reason\":\"too slow\"}", null).status();
				}
				String address = NEW_ADDRESS.replace("12 Side St", caller + " Side St");
				return send("alice", "PUT", location + "/shipping-address", address,
						(caller % 10 == 0) ? "\"1\"" : null)
					.status();
			}));
		}
		start.countDown();
		List<Integer> answered = new ArrayList<>();
		for (Future<Integer> status : statuses) {
			answered.add(status.get(60, TimeUnit.SECONDS));
		}
		callers.shutdown();

		assertThat(answered).allMatch(status -> status == 200 || status == 202 || status == 409 || status == 412,
				"2xx, 409 or 412");
		List<Long> sequences = database
			.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1")
			.param(orderId.toString())
			.query(Long.class)
			.list();
		assertThat(sequences).as("contiguous").isEqualTo(LongStream.range(0, sequences.size()).boxed().toList());
		assertThat(sequences).hasSize(1 + (int) answered.stream().filter(status -> status / 100 == 2).count());
		JsonNode order = send("alice", "GET", location + "?minVersion=" + sequences.size(), null, null).body();
		assertThat(order.get("version").asLong()).isEqualTo(sequences.size());
		assertThat(order.get("status").asString()).isEqualTo(answered.get(25) == 202 ? "CANCELLED" : "PENDING_PAYMENT");
	}

	private Reply send(String user, String method, String path, String body, String ifMatch)
			throws IOException, InterruptedException {
		HttpResponse<String> response = (ifMatch == null) ? new HttpApi(port).send(user, method, path, body)
				: new HttpApi(port).send(user, method, path, body, "If-Match", ifMatch);
		JsonNode parsed = response.body().isEmpty() ? null : json.readTree(response.body());
		return new Reply(response, parsed);
	}

	private record Reply(HttpResponse<String> response, JsonNode body) {

		int status() {
			return response.statusCode();
		}

		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		String contentType() {
			return header("Content-Type");
		}

	}

}

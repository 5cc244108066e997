package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection that fails on one order's event parks that order's events and goes on with
 * every other order; once the cause is gone, staff retry through the admin API and the
 * read model is complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresTest
class DeadLetterIT {

	private static final String ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":"9.99"}],
			 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Town","postalCode":"%s","country":"GB"}}""";

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	@Test
	void aPoisonedOrderIsParkedOthersFlowOnAndARetryCompletesTheReadModel() throws Exception {
		database.sql("""
				create function refuse_poisoned_order() returns trigger language plpgsql as $$
				begin
				    if new.ship_postal_code = 'POISON' then
				        raise exception 'poisoned order %', new.order_id;
				    end if;
				    return new;
				end $$
				""").update();
		database.sql("""
				create trigger refuse_poisoned_order before insert on order_summary_a
				for each row execute function refuse_poisoned_order()
				""").update();

		String poisoned = place("POISON");
		String healthy = place("N1 9GU");

		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(status(healthy)).isEqualTo("DELIVERED"));
		assertThat(get("alice", "/api/orders/" + poisoned).statusCode()).isEqualTo(404);
		JsonNode letters = await().atMost(Duration.ofSeconds(10))
			.until(() -> json.readTree(get("ops", "/api/admin/dead-letters").body()), found -> found.size() > 0);
		JsonNode first = letters.get(0);
		assertThat(first.get("processingGroup").asString()).isEqualTo("order-summary-a");
		assertThat(first.get("sequence").asString()).isEqualTo(poisoned);
		assertThat(first.get("eventType").asString()).isEqualTo("OrderPlaced");
		assertThat(first.get("cause").asString()).contains("poisoned order");
		assertThat(first.get("attempts").asInt()).isEqualTo(1);
		assertThat(get("alice", "/api/admin/dead-letters").statusCode()).isEqualTo(403);

		HttpResponse<String> stillPoisoned = post("/api/admin/dead-letters/" + first.get("id").asString() + "/retry");
		assertThat(stillPoisoned.statusCode()).isEqualTo(200);
		assertThat(json.readTree(stillPoisoned.body()).get("handled").asBoolean()).isFalse();
		assertThat(json.readTree(get("ops", "/api/admin/dead-letters").body()).get(0).get("attempts").asInt())
			.isEqualTo(2);

		database.sql("drop trigger refuse_poisoned_order on order_summary_a").update();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode parked = json.readTree(get("ops", "/api/admin/dead-letters").body());
			if (parked.size() > 0) {
				post("/api/admin/dead-letters/" + parked.get(0).get("id").asString() + "/retry");
			}
			assertThat(json.readTree(get("ops", "/api/admin/dead-letters").body())).isEmpty();
			assertThat(status(poisoned)).isEqualTo("DELIVERED");
		});
		assertThat(database.sql("select count(*) from dead_letter_entry").query(Long.class).single()).isZero();
		assertThat(post("/api/admin/dead-letters/no-such-letter/retry").statusCode()).isEqualTo(404);
	}

	private String place(String postalCode) throws Exception {
		HttpResponse<String> placed = new HttpApi(port).send("alice", "POST", "/api/orders",
				ORDER.formatted(postalCode));
		assertThat(placed.statusCode()).isEqualTo(201);
		return json.readTree(placed.body()).get("orderId").asString();
	}

	private String status(String orderId) throws Exception {
		return json.readTree(get("alice", "/api/orders/" + orderId).body()).get("status").asString();
	}

	private HttpResponse<String> get(String user, String path) throws Exception {
		return new HttpApi(port).send(user, "GET", path, null);
	}

	private HttpResponse<String> post(String path) throws Exception {
		return new HttpApi(port).send("ops", "POST", path, null);
	}

}

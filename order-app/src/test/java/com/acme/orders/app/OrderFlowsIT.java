package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs 200 orders through the assembled backend, with simulators, over HTTP, in a mix
 * that takes every flow: paid and delivered, declined, timed out, shipment failed before
 * and after dispatch, cancelled before payment, while paid and after dispatch, and
 * re-addressed. Once everything has settled, the invariants hold over the event store.
 * The payments that never answer open the gateway's circuit now and then; it stays open
 * for less than the payment timeout, so the calls that wait it out still pay in time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment.timeout=2s", "orders.payment.simulator.unresponsive-for-amount=13.00",
				"orders.payment.simulator.latency=300ms", "orders.payment.gateway.call-timeout=1s",
				"orders.payment.gateway.breaker-open-for=500ms", "orders.shipping.simulator.dispatch-after=1500ms",
				"orders.shipping.simulator.deliver-after=200ms",
				"orders.shipping.simulator.lost-in-transit-postal-codes=LOST-1",
				"orders.rate-limit.commands-per-second=100000", "orders.rate-limit.burst=100000" })
@PostgresTest
class OrderFlowsIT {

	private static final int ORDERS = 200;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	@Test
	void everyOrderEndsDeliveredOrCancelledAndTheMoneyAddsUp() throws Exception {
		ExecutorService customers = Executors.newFixedThreadPool(16);
		List<Future<Outcome>> runs = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			Flow flow = Flow.values()[i % Flow.values().length];
			runs.add(customers.submit(() -> run(flow)));
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> run : runs) {
			outcomes.add(run.get());
		}
		customers.shutdown();

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> outcomes.stream().allMatch(outcome -> terminal(status(outcome.orderId()))));

		for (Outcome outcome : outcomes) {
			JsonNode order = read(outcome.orderId());
			assertThat(order.get("status").asString() + "/" + reason(order))
				.as("%s %s", outcome.flow(), outcome.orderId())
				.isIn(outcome.flow().endings());
		}
		assertEveryStepHappenedAtLeastOnce();
		assertSystemCommandsCarryTheirContextsPrincipal();
		assertExactlyOneRefundPerCancelledPaidOrder(outcomes);
		assertNoShipmentDispatchedAfterItsCancellation();
		assertAuthorizedMinusRefundedEqualsDelivered();
		assertThat(outcomes.stream().map(o -> read(o.orderId()).get("status").asString()).distinct())
			.containsExactlyInAnyOrder("DELIVERED", "CANCELLED");
	}

	private Outcome run(Flow flow) throws Exception {
		UUID orderId = place(flow.amount(), flow.country(), flow.postalCode());
		switch (flow) {
			case CANCEL_BEFORE_PAYMENT -> assertThat(cancel(orderId)).isEqualTo(202);
			case CANCEL_WHILE_PAID -> {
				awaitStatus(orderId, "PAID");
				assertThat(cancel(orderId)).as("409 if the order heard of the dispatch first").isIn(202, 409);
			}
			case CANCEL_AFTER_DISPATCH -> {
				awaitStatus(orderId, "SHIPPED", "DELIVERED");
				assertThat(cancel(orderId)).as("the order knows it has shipped").isEqualTo(409);
			}
			case READDRESS_WHILE_PAID -> {
				awaitStatus(orderId, "PAID");
				assertThat(changeAddress(orderId, "CB1 1AA")).as("409 if the order heard of the dispatch first")
					.isIn(200, 409);
			}
			case CARRIER_DISPATCHES_BEFORE_CANCELLATION -> {
				awaitShipmentRequested(orderId);
				assertThat(carrierReport(orderId, "DISPATCHED")).isEqualTo(202);
				assertThat(cancel(orderId)).as("202 while the order has not heard, 409 once it has").isIn(202, 409);
			}
			default -> {
			}
		}
		return new Outcome(flow, orderId);
	}

	/**
	 * Races decide some orders' paths; over 200 orders every path must still have been
	 * taken.
	 */
	private void assertEveryStepHappenedAtLeastOnce() {
		List<String> steps = List.of("PaymentDeclined", "PaymentTimedOut", "PaymentRefunded", "ShipmentFailed",
				"ShipmentCancelled", "ShipmentCancellationRejected", "OrderCancellationRejected",
				"ShipmentAddressChanged", "OrderDelivered");
		Map<String, Long> counts = database.sql("""
				select split_part(payload_type, '.', 6), count(*) from domain_event_entry group by 1
				""")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		steps.forEach(step -> assertThat(counts.getOrDefault(step, 0L)).as(step).isPositive());
		assertThat(database.sql("""
				select count(*) from domain_event_entry where payload_type like '%.PaymentRefunded'
				and convert_from(payload, 'UTF8')::jsonb ->> 'reason' = 'ORDER_ALREADY_CANCELLED'
				""").query(Long.class).single()).as("late authorizations refunded").isPositive();
	}

	private void assertSystemCommandsCarryTheirContextsPrincipal() {
		Map<String, String> principals = Map.of("PaymentRequested", "system:payment", "ShipmentRequested",
				"system:shipping", "OrderPaid", "system:order-policy");
		principals.forEach((eventType, principal) -> assertThat(database.sql("""
				select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' from domain_event_entry
				where split_part(payload_type, '.', 6) = ?
				""").param(eventType).query(String.class).list()).as(eventType).containsExactly(principal));
	}

	private void assertExactlyOneRefundPerCancelledPaidOrder(List<Outcome> outcomes) {
		Map<String, Long> authorized = countByOrder("PaymentAuthorized");
		Map<String, Long> refunds = countByOrder("PaymentRefunded", "PaymentRefundFailed");
		for (Outcome outcome : outcomes) {
			String id = outcome.orderId().toString();
			boolean paidAndCancelled = authorized.getOrDefault(id, 0L) == 1
					&& status(outcome.orderId()).equals("CANCELLED");
			assertThat(refunds.getOrDefault(id, 0L)).as("refunds of %s %s", outcome.flow(), id)
				.isEqualTo(paidAndCancelled ? 1L : 0L);
		}
	}

	private void assertNoShipmentDispatchedAfterItsCancellation() {
		assertThat(database.sql("""
				select count(*) from domain_event_entry dispatched
				join domain_event_entry cancelled on cancelled.aggregate_identifier = dispatched.aggregate_identifier
				where dispatched.payload_type like '%.ShipmentDispatched'
				  and cancelled.payload_type like '%.ShipmentCancelled'
				  and dispatched.global_index > cancelled.global_index
				""").query(Long.class).single()).isZero();
	}

	private void assertAuthorizedMinusRefundedEqualsDelivered() {
		Map<String, BigDecimal> authorized = sumByCurrency("PaymentAuthorized");
		Map<String, BigDecimal> refunded = sumByCurrency("PaymentRefunded");
		Map<String, BigDecimal> delivered = database
			.sql("select currency, sum(total_amount) from order_summary_a where status = 'DELIVERED' group by currency")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(delivered).isNotEmpty();
		delivered.forEach((currency,
				total) -> assertThat(
						authorized.get(currency).subtract(refunded.getOrDefault(currency, BigDecimal.ZERO)))
					.as("%s; orders whose money does not add up: %s", currency, ordersWhoseMoneyDoesNotAddUp())
					.isEqualByComparingTo(total));
	}

	/**
	 * Each order whose payments net of refunds differ from its delivered total, with its
	 * events.
	 */
	private List<String> ordersWhoseMoneyDoesNotAddUp() {
		return database
			.sql("""
					with money as (
					  select convert_from(payload, 'UTF8')::jsonb ->> 'orderId' as order_id,
					         sum(case split_part(payload_type, '.', 6)
					               when 'PaymentAuthorized' then 1 when 'PaymentRefunded' then -1 else 0 end
					             * coalesce((convert_from(payload, 'UTF8')::jsonb -> 'amount' ->> 'amount')::numeric, 0)) as net,
					         string_agg(split_part(payload_type, '.', 6), ',' order by global_index) as events
					  from domain_event_entry group by 1)
					select money.order_id || ' ' || coalesce(summary.status, '-') || ' net ' || money.net || ': ' || money.events
					from money left join order_summary_a summary on summary.order_id::text = money.order_id
					where money.net <> case when summary.status = 'DELIVERED' then summary.total_amount else 0 end
					""")
			.query(String.class)
			.list();
	}

	private Map<String, Long> countByOrder(String... eventTypes) {
		return database.sql("""
				select convert_from(payload, 'UTF8')::jsonb ->> 'orderId', count(*) from domain_event_entry
				where split_part(payload_type, '.', 6) in (:types) group by 1
				""")
			.param("types", List.of(eventTypes))
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Map<String, BigDecimal> sumByCurrency(String eventType) {
		return database.sql("""
				select convert_from(payload, 'UTF8')::jsonb -> 'amount' ->> 'currency',
				       sum((convert_from(payload, 'UTF8')::jsonb -> 'amount' ->> 'amount')::numeric)
				from domain_event_entry where split_part(payload_type, '.', 6) = ? group by 1
				""")
			.param(eventType)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private UUID place(String amount, String country, String postalCode) throws Exception {
		String body = """
				{"currency":"EUR","lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":"%s"}],
				 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Town","postalCode":"%s","country":"%s"}}
				""".formatted(amount, postalCode, country);
		HttpResponse<String> placed = send("alice", "POST", "/api/orders", body);
		assertThat(placed.statusCode()).isEqualTo(201);
		return UUID.fromString(json.readTree(placed.body()).get("orderId").asString());
	}

	private int cancel(UUID orderId) throws Exception {
		return send("alice", "POST", "/api/orders/" + orderId + "/cancel", null).statusCode();
	}

	private int changeAddress(UUID orderId, String postalCode) throws Exception {
		return send("alice", "PUT", "/api/orders/" + orderId + "/shipping-address", """
				{"name":"Ada","street":"12 Side St","city":"Cambridge","postalCode":"%s","country":"GB"}"""
			.formatted(postalCode)).statusCode();
	}

	private int carrierReport(UUID orderId, String type) throws Exception {
		String shipmentId = read(orderId).get("shipment").get("shipmentId").asString();
		return send("carrier", "POST", "/api/shipments/" + shipmentId + "/events",
				"{\"type\":\"%s\",\"trackingNumber\":\"HOOK-1\",\"occurredAt\":\"%s\"}".formatted(type, Instant.now()))
			.statusCode();
	}

	private void awaitStatus(UUID orderId, String... statuses) {
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> List.of(statuses).contains(status(orderId)));
	}

	private void awaitShipmentRequested(UUID orderId) {
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !read(orderId).get("shipment").get("shipmentId").isNull());
	}

	private String status(UUID orderId) {
		return read(orderId).get("status").asString();
	}

	private static boolean terminal(String status) {
		return status.equals("DELIVERED") || status.equals("CANCELLED");
	}

	private static String reason(JsonNode order) {
		return order.get("cancellationReason").isNull() ? "-" : order.get("cancellationReason").asString();
	}

	private JsonNode read(UUID orderId) {
		try {
			return json.readTree(send("ops", "GET", "/api/orders/" + orderId, null).body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		return new HttpApi(port).send(user, method, path, body);
	}

	private record Outcome(Flow flow, UUID orderId) {
	}

	/**
	 * The mix: what each order goes through, and how it may end ({@code STATUS/reason}).
	 */
	private enum Flow {

		DELIVERED("20.00", "GB", "N1 9GU", "DELIVERED/-"),
		DECLINED("6000.00", "GB", "N1 9GU", "CANCELLED/PAYMENT_DECLINED"),
		TIMED_OUT("13.00", "GB", "N1 9GU", "CANCELLED/PAYMENT_TIMEOUT"),
		UNSERVICEABLE_COUNTRY("30.00", "AQ", "N1 9GU", "CANCELLED/SHIPMENT_FAILED"),
		LOST_IN_TRANSIT("40.00", "GB", "LOST-1", "CANCELLED/SHIPMENT_FAILED"),
		CANCEL_BEFORE_PAYMENT("50.00", "GB", "N1 9GU", "CANCELLED/CUSTOMER_REQUEST"),
		CANCEL_WHILE_PAID("60.00", "GB", "N1 9GU", "CANCELLED/CUSTOMER_REQUEST", "DELIVERED/-"),
		CANCEL_AFTER_DISPATCH("70.00", "GB", "N1 9GU", "DELIVERED/-"),
		READDRESS_WHILE_PAID("80.00", "GB", "N1 9GU", "DELIVERED/-"),
		CARRIER_DISPATCHES_BEFORE_CANCELLATION("90.00", "GB", "N1 9GU", "DELIVERED/-");

		private final String amount;

		private final String country;

		private final String postalCode;

		private final List<String> endings;

		Flow(String amount, String country, String postalCode, String... endings) {
			this.amount = amount;
			this.country = country;
			this.postalCode = postalCode;
			this.endings = List.of(endings);
		}

		String amount() {
			return amount;
		}

		String country() {
			return country;
		}

		String postalCode() {
			return postalCode;
		}

		List<String> endings() {
			return endings;
		}

	}

}

package com.acme.orders.app;

import static com.acme.orders.app.RequestBodies.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.PostgresTest;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No event is skipped when the transaction that took its global index commits late: two
 * transactions hold an index each for longer than Axon's default gap timeout (60 s) while
 * later events are read. The live projection gets the first when it commits, and a
 * rebuild that catches up from the start of the store over the by then old events still
 * waits for the second. With Axon's default gap timeout the rebuild gives the gap up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment.simulator.unresponsive-for-amount=25.00",
				"orders.projections.replay-check-interval=200ms" })
@PostgresTest
class EventGapIT {

	/** Axon's default gap timeout, which the held transactions outlast. */
	private static final Duration AXON_DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(60);

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient database;

	@Autowired
	private MeterRegistry metrics;

	@Test
	void aLateCommitIsProjectedLiveAndByARebuildCatchingUpFromFarBehind() throws Exception {
		UUID seenLive = UUID.randomUUID();
		UUID seenByRebuild = UUID.randomUUID();
		try (Connection first = slowWriter(); Connection second = slowWriter()) {
			appendPlacedOrder(first, seenLive);
			appendPlacedOrder(second, seenByRebuild);
			Instant laterEventsWritten = Instant.now();
			for (int i = 0; i < 3; i++) {
				awaitReadable(place());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> gapsHeld("order-summary-a") >= 2);

			Thread.sleep(Duration.between(Instant.now(), laterEventsWritten.plus(AXON_DEFAULT_GAP_TIMEOUT))
				.plusSeconds(5)
				.toMillis());
			first.commit();
			awaitReadable(seenLive);

			String replay = api().send("ops", "POST", "/api/admin/projections/order-summary/replay", null)
				.headers()
				.firstValue("Location")
				.orElseThrow();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> json.readTree(api().send("ops", "GET", replay, null).body())
					.get("status")
					.asString()
					.equals("COMPLETED"));
			assertThat(activeSlot()).isEqualTo("b");
			assertThat(gapsHeld("order-summary-b")).as("the rebuilt slot still waits for the held index")
				.isGreaterThanOrEqualTo(1);
			second.commit();
		}

		awaitReadable(seenByRebuild);
		assertThat(api().send("ops", "GET", "/api/orders/" + seenLive, null).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> gapsHeld("order-summary-b") == 0);
	}

	@Test
	void theApplicationsOwnTransactionsAreBoundedInPostgres() {
		assertThat(setting("statement_timeout")).isEqualTo("10s");
		assertThat(setting("lock_timeout")).isEqualTo("5s");
		assertThat(setting("idle_in_transaction_session_timeout")).isEqualTo("10s");
		assertThat(setting("transaction_timeout")).isEqualTo("30s");
	}

	/** A connection of its own, outside the application's bounds, as a slow writer's. */
	private Connection slowWriter() throws Exception {
		HikariDataSource pool = (HikariDataSource) dataSource;
		Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		connection.setAutoCommit(false);
		return connection;
	}

	/**
	 * An OrderPlaced as an earlier release wrote it (revision 1), in an open transaction.
	 */
	private void appendPlacedOrder(Connection connection, UUID orderId) throws Exception {
		String payload = """
				{"orderId":"%s","customerId":"alice","items":[{"productId":"PEN-1","qty":1,"price":3.99}],\
				"totalAmount":3.99,"currency":"EUR","address":"Ada Lovelace, 1 Main St, N1 9GU London, GB"}"""
			.formatted(orderId);
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
				  meta_data, payload, payload_revision, payload_type, time_stamp)
				values (?, 0, 'Order', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1',
				  'com.acme.orders.events.order.OrderPlaced', ?)""")) {
			insert.setString(1, orderId.toString());
			insert.setString(2, UUID.randomUUID().toString());
			insert.setString(3, payload);
			insert.setString(4, Instant.now().toString());
			insert.executeUpdate();
		}
	}

	private UUID place() throws Exception {
		HttpResponse<String> placed = api().send("alice", "POST", "/api/orders", ORDER);
		assertThat(placed.statusCode()).isEqualTo(201);
		return UUID.fromString(json.readTree(placed.body()).get("orderId").asString());
	}

	private void awaitReadable(UUID orderId) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api().send("ops", "GET", "/api/orders/" + orderId, null).statusCode() == 200);
	}

	private double gapsHeld(String processor) {
		return metrics.get("orders.event-store.gaps").tag("processor", processor).gauge().value();
	}

	private String activeSlot() {
		return database.sql("select active_slot from projection_slot where projection = 'order-summary'")
			.query(String.class)
			.single();
	}

	private String setting(String name) {
		return database.sql("show " + name).query(String.class).single();
	}

	private HttpApi api() {
		return new HttpApi(port);
	}

}

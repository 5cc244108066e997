package com.acme.orders.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A payment timeout is scheduled, the app is killed before it is due and started again
 * after: the timeout fires exactly once and the order is cancelled.
 */
class PaymentTimeoutAcrossKillIT {

	private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(8);

	@Test
	void aTimeoutDueWhileTheAppWasDeadFiresOnceAfterTheRestart() throws Exception {
		Path directory = Scenario.directory("timeout-across-kill");
		try (FaultPostgres postgres = FaultPostgres.start(directory.resolve("postgres"));
				AppProcess app = new AppProcess(directory, postgres,
						"orders.payment.timeout=" + PAYMENT_TIMEOUT.toSeconds() + "s",
						"orders.payment.simulator.unresponsive-for-amount=13.00",
						"orders.payment.gateway.call-timeout=1s",
						// The saga ends once no answer can come, the wait for an open
						// circuit included.
						"orders.payment.gateway.breaker-open-for=1s")) {
			app.start();
			UUID orderId = new Customers(app.baseUrl()).place("13.00");
			awaitEvents(postgres, orderId, "PaymentRequested", 1);

			app.kill();
			Thread.sleep(PAYMENT_TIMEOUT.plusSeconds(2).toMillis());
			app.start();
			Duration settled = Invariants.awaitSettled(postgres, List.of(orderId), Duration.ofMinutes(2));
			Thread.sleep(5_000);

			try (Connection database = postgres.connect()) {
				System.out.println("Payment timeout across kill -9: settled " + settled.toMillis() / 1000.0
						+ " s after the restart; PaymentTimedOut " + events(database, orderId, "PaymentTimedOut")
						+ ", OrderCancelled " + events(database, orderId, "OrderCancelled"));
				assertThat(events(database, orderId, "PaymentTimedOut")).isEqualTo(1);
				assertThat(events(database, orderId, "OrderCancelled")).isEqualTo(1);
				assertThat(Invariants.of(database, List.of(orderId)).sagasRunning()).isZero();
			}
		}
	}

	private static void awaitEvents(FaultPostgres postgres, UUID orderId, String type, int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try (Connection database = postgres.connect()) {
				if (events(database, orderId, type) >= count) {
					return;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No " + type + " for order " + orderId);
			}
			Thread.sleep(100);
		}
	}

	private static long events(Connection database, UUID orderId, String type) throws Exception {
		try (PreparedStatement statement = database.prepareStatement("""
				select count(*) from domain_event_entry where payload_type like '%.' || ?
				and convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?""")) {
			statement.setString(1, type);
			statement.setString(2, orderId.toString());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

}

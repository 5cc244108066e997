package com.acme.orders.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under load, once the clean way ({@code -m fast}) and once as a crash
 * ({@code -m immediate}), each time for a few seconds: the app answers 503 (never 500)
 * while it is gone and recovers by itself; nothing answered 2xx is lost.
 */
class PostgresRestartedUnderLoadIT {

	private static final int ORDERS = 300;

	private static final Duration OUTAGE = Duration.ofSeconds(6);

	@Test
	void theAppAnswers503DuringTheOutageAndRecoversWithoutHelp() throws Exception {
		Path directory = Scenario.directory("postgres-restarted");
		try (FaultPostgres postgres = FaultPostgres.start(directory.resolve("postgres"));
				AppProcess app = new AppProcess(directory, postgres, "orders.shipping.simulator.dispatch-after=300ms",
						"orders.shipping.simulator.deliver-after=300ms")) {
			app.start();
			Customers customers = new Customers(app.baseUrl());

			CompletableFuture<List<UUID>> load = customers.placeOrdersInTheBackground(ORDERS, 8);
			customers.awaitAccepted(ORDERS / 4);
			postgres.stopFast();
			Thread.sleep(OUTAGE.toMillis());
			postgres.startAgain();
			customers.awaitAccepted(ORDERS / 2);
			postgres.stopImmediately();
			Thread.sleep(OUTAGE.toMillis());
			postgres.startAgain();
			List<UUID> accepted = load.get();
			Duration settled = Invariants.awaitSettled(postgres, accepted, Duration.ofMinutes(3));

			try (Connection database = postgres.connect()) {
				Invariants invariants = Invariants.of(database, accepted);
				System.out.println(invariants.report(
						"PostgreSQL stopped fast, then immediately, " + OUTAGE.toSeconds() + " s each", settled,
						customers.answers()));
				assertThat(customers.answers()).as("answers during the outages").containsKey("503");
				assertThat(customers.answers()).doesNotContainKey("500");
				invariants.assertAllHold();
			}
		}
	}

}

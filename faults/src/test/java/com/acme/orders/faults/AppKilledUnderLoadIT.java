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
 * {@code kill -9} of the app while 500 orders are being placed, then a restart: every
 * order answered 2xx is there once, and everything converges.
 */
class AppKilledUnderLoadIT {

	private static final int ORDERS = 500;

	@Test
	void everythingConvergesAfterAKillAndARestart() throws Exception {
		Path directory = Scenario.directory("app-killed");
		try (FaultPostgres postgres = FaultPostgres.start(directory.resolve("postgres"));
				AppProcess app = new AppProcess(directory, postgres, "orders.shipping.simulator.dispatch-after=300ms",
						"orders.shipping.simulator.deliver-after=300ms")) {
			app.start();
			Customers customers = new Customers(app.baseUrl());

			CompletableFuture<List<UUID>> load = customers.placeOrdersInTheBackground(ORDERS, 8);
			customers.awaitAccepted(ORDERS / 3);
			app.kill();
			int acceptedBeforeTheKill = customers.accepted.get();
			app.start();
			List<UUID> accepted = load.get();
			Duration settled = Invariants.awaitSettled(postgres, accepted, Duration.ofMinutes(3));

			try (Connection database = postgres.connect()) {
				Invariants invariants = Invariants.of(database, accepted);
				System.out.println(invariants.report("kill -9 after " + acceptedBeforeTheKill + " orders", settled,
						customers.answers()));
				invariants.assertAllHold();
				assertThat(customers.answers()).doesNotContainKey("500");
			}
		}
	}

}

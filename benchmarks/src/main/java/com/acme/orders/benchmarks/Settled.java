package com.acme.orders.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until the app has finished reacting to the previous step: no event appended for a
 * second (the sagas have carried every order as far as it goes) and the order projection
 * has caught up. Without it, a step would share the machine with the tail of the one
 * before, and the 1-client figure would measure the 16-client warm-up's sagas.
 */
final class Settled {

	private static final Duration QUIET = Duration.ofSeconds(1);

	private static final Duration POLL = Duration.ofMillis(250);

	private Settled() {
	}

	/** Answers how long the app took to settle. */
	static Duration await(AppUnderLoad app, BenchmarkDatabases.Database database, String adminToken) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			long last = -1;
			long quietSince = System.nanoTime();
			while (System.nanoTime() - quietSince < QUIET.toNanos()) {
				Thread.sleep(POLL.toMillis());
				long head = eventStoreHead(statement);
				if (head != last) {
					last = head;
					quietSince = System.nanoTime();
				}
			}
		}
		awaitProjectionCaughtUp(app, adminToken);
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** Until the order projection's lag (admin API) is 0. */
	private static void awaitProjectionCaughtUp(AppUnderLoad app, String adminToken) throws Exception {
		HttpRequest status = HttpRequest.newBuilder(app.uri("/api/admin/projections/order-summary"))
			.header("Authorization", "Bearer " + adminToken)
			.build();
		while (!OrderRequests.HTTP.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"lag\":0,")) {
			Thread.sleep(POLL.toMillis());
		}
	}

	/** The position of the last event appended; 0 for an empty store. */
	static long eventStoreHead(Statement statement) throws Exception {
		try (ResultSet result = statement
			.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
			result.next();
			return result.getLong(1);
		}
	}

}

package com.acme.orders.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until the app has finished reacting to the previous step: every event processor
 * (the projection, the sagas, the order policy) has handled every event in the store, and
 * no event has been appended for a second. Without it, a step would share the machine
 * with the tail of the one before, and the 1-client figure would measure the warm-up's
 * sagas.
 * <p>
 * The quiet second alone is not enough: a processor can work through a backlog for
 * seconds without appending anything (the shipping saga starts a saga for each order
 * placed and waits for its payment; the payment saga's call for an unpaid order is never
 * answered), so the store stands still while the sagas are still busy.
 */
final class Settled {

	private static final Duration QUIET = Duration.ofSeconds(1);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	/**
	 * Processor segments whose token is before a position. The tokens are Jackson JSON,
	 * {@code {"index":...,"gaps":[...]}}; a segment without a token has not started.
	 */
	private static final String SEGMENTS_BEHIND = """
			select processor_name, segment from token_entry
			where coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1) < ?
			order by processor_name, segment""";

	private Settled() {
	}

	/** Answers how long the app took to settle. */
	static Duration await(BenchmarkDatabases.Database database) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				PreparedStatement segmentsBehind = connection.prepareStatement(SEGMENTS_BEHIND)) {
			long last = -1;
			long quietSince = System.nanoTime();
			List<String> behind = List.of();
			while (!behind.isEmpty() || System.nanoTime() - quietSince < QUIET.toNanos()) {
				if (System.nanoTime() - start > PATIENCE.toNanos()) {
					throw new IllegalStateException("Not settled after " + PATIENCE + ": the event store's head is at "
							+ last + ", and these processor segments are before it: " + behind);
				}
				Thread.sleep(POLL.toMillis());
				long head = eventStoreHead(statement);
				behind = segmentsBehind(segmentsBehind, head);
				if (head != last || !behind.isEmpty()) {
					last = head;
					quietSince = System.nanoTime();
				}
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static List<String> segmentsBehind(PreparedStatement query, long head) throws Exception {
		query.setLong(1, head);
		List<String> behind = new ArrayList<>();
		try (ResultSet result = query.executeQuery()) {
			while (result.next()) {
				behind.add(result.getString(1) + "/" + result.getInt(2));
			}
		}
		return behind;
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

package com.acme.orders.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Figure 4: orders placed and carried through payment and shipping to delivery, with the
 * simulators answering at once, per second from the first placement to the last delivery;
 * and how many command transactions one order costs, counted in the event store (the
 * distinct transactions, {@code xmin}, that appended its events).
 */
final class LifecycleFigure {

	/**
	 * Deliveries appended since a position: each look reads only the new ones, so waiting
	 * costs the database little of the CPU the app is measured on.
	 */
	private static final String DELIVERED_SINCE = """
			select global_index, aggregate_identifier from domain_event_entry
			where global_index > ? and payload_type = 'com.acme.orders.events.order.OrderDelivered'
			order by global_index""";

	/** Every event of the orders: the order's own and its payment's and shipment's. */
	private static final String TRANSACTIONS = """
			select count(distinct xmin::text) from domain_event_entry
			where aggregate_identifier = any(?)
			   or convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = any(?)""";

	private final AppUnderLoad app;

	private final Tokens tokens;

	private final BenchmarkDatabases.Database database;

	LifecycleFigure(AppUnderLoad app, Tokens tokens, BenchmarkDatabases.Database database) {
		this.app = app;
		this.tokens = tokens;
		this.database = database;
	}

	record Outcome(Load.Result placing, int orders, double deliveredPerSecond, double transactionsPerOrder) {
	}

	/**
	 * {@code clients} place orders for {@code duration}; then waits until every one is
	 * delivered.
	 */
	Outcome run(int clients, Duration duration) throws Exception {
		Queue<String> orderIds = new ConcurrentLinkedQueue<>();
		long head;
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			head = Settled.eventStoreHead(statement);
		}
		long start = System.nanoTime();
		Load.Result placing = Load.run(clients, duration, client -> {
			String token = tokens.customer("lifecycle-" + client);
			HttpConnection http = app.connect();
			return () -> {
				String order = OrderRequests.placed(http, app, token, OrderRequests.DELIVERED_ORDER);
				orderIds.add(order.substring(order.lastIndexOf('/') + 1));
			};
		});
		List<String> ids = List.copyOf(orderIds);
		try (Connection connection = database.connect()) {
			Array idArray = connection.createArrayOf("varchar", ids.toArray());
			Set<String> undelivered = new HashSet<>(ids);
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			// Each look starts where the look 2 s before it ended, not where the last one
			// did: a transaction still open then may commit an event below that position.
			Deque<Long> lastPositions = new ArrayDeque<>();
			long from = head;
			while (true) {
				lastPositions.addLast(removeDelivered(connection, from, undelivered));
				if (lastPositions.size() > 20) {
					from = lastPositions.removeFirst();
				}
				if (undelivered.isEmpty()) {
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Not every order was delivered within 5 minutes after the load: "
							+ undelivered.size() + " of " + ids.size() + " were not");
				}
				Thread.sleep(100);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long transactions = count(connection, TRANSACTIONS, idArray, idArray);
			return new Outcome(placing, ids.size(), ids.size() / seconds, (double) transactions / ids.size());
		}
	}

	/** Answers the position of the last event read. */
	private static long removeDelivered(Connection connection, long since, Set<String> undelivered) throws Exception {
		long last = since;
		try (PreparedStatement query = connection.prepareStatement(DELIVERED_SINCE)) {
			query.setLong(1, since);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					last = result.getLong(1);
					undelivered.remove(result.getString(2));
				}
			}
		}
		return last;
	}

	private static long count(Connection connection, String sql, Array... ids) throws Exception {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			for (int i = 0; i < ids.length; i++) {
				query.setArray(i + 1, ids[i]);
			}
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

}

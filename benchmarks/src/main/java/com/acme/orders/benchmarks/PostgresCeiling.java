package com.acme.orders.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;

/**
 * What the PostgreSQL under the app can do with plain JDBC on the app's own event table
 * (a database of its own, migrated by the same Flyway scripts), at a given number of
 * clients: the ceiling the app's figures are divided by.
 */
final class PostgresCeiling {

	/** About the size of an OrderPlaced as the app stores it. */
	private static final byte[] PAYLOAD = ("{\"orderId\":\"" + UUID.randomUUID()
			+ "\",\"customerId\":\"customer-1\",\"lines\":[{\"sku\":\"BOOK-1984\",\"quantity\":2,"
			+ "\"unitPrice\":\"12.50\"}],\"total\":{\"amount\":\"25.00\",\"currency\":\"EUR\"},"
			+ "\"shippingAddress\":{\"name\":\"Ada Lovelace\",\"street\":\"1 Main St\",\"city\":\"London\","
			+ "\"postalCode\":\"N1 9GU\",\"country\":\"GB\"},\"placedAt\":\"2026-11-22T10:00:00Z\"}")
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private static final String APPEND = """
			insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
			  payload, payload_revision, payload_type, time_stamp)
			values (?, ?, 'Order', ?, ?, ?, '2', 'com.acme.orders.events.order.OrderPlaced', ?)""";

	private static final String READ_FIVE = """
			select sequence_number, payload, meta_data from domain_event_entry
			where aggregate_identifier = ? order by sequence_number desc limit 5""";

	private static final String PAGE = """
			select global_index, aggregate_identifier, sequence_number, payload_type, time_stamp, payload
			from domain_event_entry where global_index > ? order by global_index limit ?""";

	private static final String UPSERT = """
			insert into order_summary_b (order_id, customer_id, status, currency, total_amount, line_count, ship_name,
			  ship_street, ship_city, ship_postal_code, ship_country, placed_at, updated_at, version)
			values (cast(? as uuid), 'ceiling', ?, 'EUR', 0, 1, 'x', 'x', 'x', 'x', 'GB', cast(? as timestamptz),
			  cast(? as timestamptz), ?)
			on conflict (order_id) do update
			set status = excluded.status, updated_at = excluded.updated_at, version = excluded.version""";

	private static final int PAGE_SIZE = 1000;

	private final BenchmarkDatabases.Database database;

	PostgresCeiling(BenchmarkDatabases.Database database) {
		this.database = database;
		Flyway.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();
	}

	/**
	 * Transactions of one inserted event each (a new aggregate), from {@code clients}
	 * clients.
	 */
	Load.Result singleEventAppends(int clients, Duration duration) throws Exception {
		return Load.run(clients, duration, client -> {
			Connection connection = connect();
			PreparedStatement append = connection.prepareStatement(APPEND);
			return () -> {
				bind(append, UUID.randomUUID().toString(), 0);
				append.executeUpdate();
			};
		});
	}

	/**
	 * Transactions that read an aggregate's last five events and append the next one,
	 * what a command on an existing order does, from {@code clients} clients, each on
	 * aggregates of its own.
	 */
	Load.Result readFiveThenAppend(int clients, Duration duration) throws Exception {
		return Load.run(clients, duration, client -> {
			Connection connection = connect();
			connection.setAutoCommit(false);
			PreparedStatement read = connection.prepareStatement(READ_FIVE);
			PreparedStatement append = connection.prepareStatement(APPEND);
			String[] aggregates = new String[50];
			long[] next = new long[aggregates.length];
			for (int i = 0; i < aggregates.length; i++) {
				aggregates[i] = UUID.randomUUID().toString();
				for (; next[i] < 5; next[i]++) {
					bind(append, aggregates[i], next[i]);
					append.executeUpdate();
				}
			}
			connection.commit();
			int[] turn = { 0 };
			return () -> {
				int i = turn[0]++ % aggregates.length;
				read.setString(1, aggregates[i]);
				try (ResultSet events = read.executeQuery()) {
					while (events.next()) {
						events.getBytes(2);
					}
				}
				bind(append, aggregates[i], next[i]++);
				append.executeUpdate();
				connection.commit();
			};
		});
	}

	/**
	 * The least a replay must do: read the whole event store in pages of 1000 events and
	 * upsert one read-model row per event, one JDBC batch and one transaction per page.
	 * With as many connections as the projection has segments, each upserting the orders
	 * of its own share. Writes slot b's order table (a replay empties it first) and
	 * empties it again. Answers rows per second.
	 */
	double scanAndUpsert(int connections) throws Exception {
		long start = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(connections);
		List<Future<Long>> shares = new ArrayList<>();
		for (int share = 0; share < connections; share++) {
			int mine = share;
			shares.add(workers.submit(() -> scanAndUpsertShare(mine, connections)));
		}
		long rows = 0;
		for (Future<Long> share : shares) {
			rows += share.get();
		}
		workers.shutdown();
		double perSecond = rows / ((System.nanoTime() - start) / 1e9);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("truncate order_summary_b");
		}
		return perSecond;
	}

	private long scanAndUpsertShare(int share, int shares) throws SQLException {
		long rows = 0;
		try (Connection connection = connect();
				PreparedStatement page = connection.prepareStatement(PAGE);
				PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
			connection.setAutoCommit(false);
			long after = -1;
			int read;
			do {
				read = 0;
				page.setLong(1, after);
				page.setInt(2, PAGE_SIZE);
				try (ResultSet events = page.executeQuery()) {
					while (events.next()) {
						read++;
						after = events.getLong(1);
						String order = events.getString(2);
						events.getBytes(6);
						if (Math.floorMod(order.hashCode(), shares) != share) {
							continue;
						}
						String type = events.getString(4);
						upsert.setString(1, order);
						upsert.setString(2, type.substring(type.lastIndexOf('.') + 1));
						upsert.setString(3, events.getString(5));
						upsert.setString(4, events.getString(5));
						upsert.setLong(5, events.getLong(3) + 1);
						upsert.addBatch();
						rows++;
					}
				}
				upsert.executeBatch();
				connection.commit();
			}
			while (read == PAGE_SIZE);
		}
		return rows;
	}

	private Connection connect() throws SQLException {
		return database.connect();
	}

	private static void bind(PreparedStatement append, String aggregate, long sequence) throws SQLException {
		append.setString(1, aggregate);
		append.setLong(2, sequence);
		append.setString(3, UUID.randomUUID().toString());
		append.setBytes(4, "{\"traceId\":\"x\",\"correlationId\":\"y\",\"principal\":\"customer-1\"}".getBytes());
		append.setBytes(5, PAYLOAD);
		append.setString(6, Instant.now().toString());
	}

}

package com.acme.orders.benchmarks;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.acme.orders.platform.postgres.DurableEmbeddedPostgres;
import com.acme.orders.platform.postgres.EmbeddedPostgresProperties;

/**
 * The PostgreSQL a benchmark runs on, handing out fresh databases: by default a new
 * durable embedded PostgreSQL 17 in the benchmark's temporary directory; with
 * {@code -Dbenchmark.postgres.url=jdbc:postgresql://host:5432/postgres} (and
 * {@code benchmark.postgres.user}, {@code benchmark.postgres.password}) a given server,
 * on which it creates its databases and drops them again at the end.
 */
final class BenchmarkDatabases implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Database server;

	private final DurableEmbeddedPostgres embedded;

	private final List<String> created = new ArrayList<>();

	private BenchmarkDatabases(Database server, DurableEmbeddedPostgres embedded) {
		this.server = server;
		this.embedded = embedded;
	}

	static BenchmarkDatabases open(Path dataDirectory) {
		String given = System.getProperty("benchmark.postgres.url");
		if (given != null) {
			return new BenchmarkDatabases(new Database(given, System.getProperty("benchmark.postgres.user", "postgres"),
					System.getProperty("benchmark.postgres.password", "")), null);
		}
		DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres
			.start(new EmbeddedPostgresProperties(dataDirectory, FreePorts.any(), "postgres"));
		return new BenchmarkDatabases(new Database(postgres.jdbcUrl(), postgres.username(), ""), postgres);
	}

	/**
	 * A new, empty database on the server, named after what it is for and unique to this
	 * run, so that runs sharing a server never touch each other's databases.
	 */
	Database create(String purpose) throws SQLException {
		String name = "orders_benchmark_" + purpose + "_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create database \"" + name + "\"");
		}
		created.add(name);
		return new Database(withDatabase(server.url(), name), server.user(), server.password());
	}

	/**
	 * {@code url} with its database replaced by {@code name}, its parameters kept
	 * ({@code jdbc:postgresql://host:5432/postgres?sslmode=require}).
	 */
	static String withDatabase(String url, String name) {
		int parameters = url.indexOf('?');
		String address = (parameters < 0) ? url : url.substring(0, parameters);
		String rest = (parameters < 0) ? "" : url.substring(parameters);
		int database = address.lastIndexOf('/');
		if (!address.startsWith("jdbc:postgresql://") || database < "jdbc:postgresql://".length()) {
			throw new IllegalArgumentException("Expected jdbc:postgresql://host[:port]/database[?parameters]: " + url);
		}
		return address.substring(0, database + 1) + name + rest;
	}

	/** Which server, for the report: where it runs and its version. */
	String describe() throws SQLException {
		try (Connection connection = server.connect();
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("show server_version")) {
			version.next();
			// Without the URL's parameters, which may carry a password.
			String where = (embedded != null) ? "embedded, durable settings" : server.url().split("\\?")[0];
			return "PostgreSQL " + version.getString(1) + " (" + where + ")";
		}
	}

	@Override
	public void close() throws Exception {
		if (embedded != null) {
			embedded.close();
			return;
		}
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			for (String name : created) {
				try {
					statement.execute("drop database if exists \"" + name + "\" with (force)");
				}
				catch (SQLException ex) {
					System.err.println("Could not drop " + name + ": " + ex.getMessage());
				}
			}
		}
	}

	/** One database: where it is and who to connect as. */
	record Database(String url, String user, String password) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(url, user, password);
		}

		/** The app's settings to use this database. */
		List<String> springSettings() {
			return List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"spring.datasource.password=" + password);
		}

	}

}

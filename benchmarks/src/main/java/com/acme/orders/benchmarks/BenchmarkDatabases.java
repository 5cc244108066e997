package com.acme.orders.benchmarks;

import java.nio.file.Path;
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

	/** A new, empty database on the server, named after what it is for. */
	Database create(String purpose) throws SQLException {
		String name = "orders_benchmark_" + purpose + "_" + ProcessHandle.current().pid();
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		created.add(name);
		return new Database(server.url().substring(0, server.url().lastIndexOf('/') + 1) + name, server.user(),
				server.password());
	}

	/** Which server, for the report: where it runs and its version. */
	String describe() throws SQLException {
		try (Connection connection = server.connect();
				ResultSet version = connection.createStatement().executeQuery("show server_version")) {
			version.next();
			String where = (embedded != null) ? "embedded, durable settings" : server.url();
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
				statement.execute("drop database if exists " + name + " with (force)");
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

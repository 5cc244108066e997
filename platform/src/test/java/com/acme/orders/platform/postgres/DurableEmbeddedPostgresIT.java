package com.acme.orders.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps users' orders: data survives a restart, the server runs with
 * every durability setting on, a start after the JVM was killed with SIGKILL still works,
 * and data of another PostgreSQL major is refused.
 */
class DurableEmbeddedPostgresIT {

	@TempDir
	Path dataDirectory;

	@Test
	void aStartAfterTheJvmWasKilledFindsEveryCommittedRow() throws Exception {
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDirectory, freePort(), "orders");
		killAfterCommit(properties, 1);
		killAfterCommit(properties, 2);
		assertThat(Files.exists(dataDirectory.resolve("postmaster.pid")))
			.as("the killed JVM left its PostgreSQL server running")
			.isTrue();

		String orphanPid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0);

		// On another port, so that the orphan cannot be mistaken for the new server: it
		// must be stopped.
		EmbeddedPostgresProperties restart = new EmbeddedPostgresProperties(dataDirectory, freePort(), "orders");
		try (DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(restart);
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
				Statement statement = connection.createStatement()) {
			assertThat(rows(statement, "select id from committed_orders order by id")).containsExactly("1", "2");
			assertThat(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0)).isNotEqualTo(orphanPid);
			assertThat(
					rows(statement,
							"select setting from pg_settings where name in "
									+ "('fsync', 'synchronous_commit', 'full_page_writes')"))
				.containsExactly("on", "on", "on");
			assertThat(rows(statement, "show server_version_num")).singleElement()
				.asString()
				.startsWith(DurableEmbeddedPostgres.MAJOR_VERSION);
		}
	}

	@Test
	void dataOfAnotherPostgresMajorIsRefusedWithAClearMessage() throws IOException {
		Files.writeString(dataDirectory.resolve("PG_VERSION"), "16\n");
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDirectory, freePort(), "orders");

		assertThatThrownBy(() -> DurableEmbeddedPostgres.start(properties)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("holds PostgreSQL 16 data")
			.hasMessageContaining("pg_upgrade");
	}

	private void killAfterCommit(EmbeddedPostgresProperties properties, int orderId) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KilledJvmWithEmbeddedPostgres.class.getName(), properties.dataDirectory().toString(),
				String.valueOf(properties.port()), String.valueOf(orderId))
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = lines.readLine()) != null && !line.equals("READY")) {
				output.add(line);
			}
			assertThat(line).as("child JVM output: %s", output).isEqualTo("READY");
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static List<String> rows(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package com.acme.orders.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import com.acme.orders.platform.postgres.DurableEmbeddedPostgres;
import com.acme.orders.platform.postgres.EmbeddedPostgresProperties;

/**
 * A PostgreSQL 17 server of the test's own (durable: fsync and synchronous commit on), on
 * a fixed port and data directory, so that it can be stopped the way an operator or a
 * crash stops it and started again where it was.
 */
final class FaultPostgres implements AutoCloseable {

	private final EmbeddedPostgresProperties properties;

	private DurableEmbeddedPostgres server;

	private FaultPostgres(EmbeddedPostgresProperties properties) {
		this.properties = properties;
	}

	static FaultPostgres start(Path dataDirectory) {
		FaultPostgres postgres = new FaultPostgres(new EmbeddedPostgresProperties(dataDirectory, freePort(), "orders"));
		postgres.startAgain();
		return postgres;
	}

	void startAgain() {
		server = DurableEmbeddedPostgres.start(properties);
	}

	/**
	 * {@code pg_ctl stop -m fast}: clients are disconnected, the server shuts down
	 * cleanly.
	 */
	void stopFast() throws IOException {
		server.close();
	}

	/**
	 * {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, which exits without a
	 * checkpoint; the next start runs crash recovery.
	 */
	void stopImmediately() throws IOException, InterruptedException {
		long postmaster = Long
			.parseLong(Files.readAllLines(properties.dataDirectory().resolve("postmaster.pid")).get(0).trim());
		new ProcessBuilder("sh", "-c", "kill -QUIT " + postmaster).inheritIO().start().waitFor();
		ProcessHandle.of(postmaster).ifPresent(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
		// Lets go of the data directory's lock; the stop it also tries finds no server.
		server.close();
	}

	String jdbcUrl() {
		return server.jdbcUrl();
	}

	String username() {
		return server.username();
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), username(), "");
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

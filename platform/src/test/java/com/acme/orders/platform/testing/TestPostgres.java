package com.acme.orders.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The one PostgreSQL 17 server of a test JVM: a Testcontainers {@code postgres:17}
 * container where a Docker engine answers, the embedded PostgreSQL otherwise (our CI has
 * no Docker). Set {@code -Dorders.test.postgres=embedded} or {@code docker} to choose.
 */
public final class TestPostgres {

	private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile Server server;

	private TestPostgres() {
	}

	/** Creates a new, empty database on the shared server. */
	public static Database newDatabase() {
		Server shared = server();
		String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(shared.adminUrl(), shared.username(),
				shared.password()); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return new Database(shared.urlOf(name), shared.username(), shared.password());
	}

	private static Server server() {
		if (server == null) {
			synchronized (TestPostgres.class) {
				if (server == null) {
					server = start();
				}
			}
		}
		return server;
	}

	private static Server start() {
		String choice = System.getProperty("orders.test.postgres", "auto");
		boolean docker = "docker".equals(choice) || ("auto".equals(choice) && dockerAnswers());
		Server started = docker ? startContainer() : startEmbedded();
		log.info("Integration tests use {} at {}", docker ? "Testcontainers postgres:17" : "embedded PostgreSQL 17",
				started.adminUrl());
		return started;
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Server startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
		container.start();
		String base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
		return new Server(base, container.getUsername(), container.getPassword(), container.getDatabaseName());
	}

	private static Server startEmbedded() {
		try {
			// Throw-away data: durability is not needed, speed is.
			EmbeddedPostgres embedded = EmbeddedPostgres.builder()
				.setServerConfig("fsync", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			String url = embedded.getJdbcUrl("postgres", "postgres");
			return new Server(url.substring(0, url.lastIndexOf('/') + 1), "postgres", "", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
		}
	}

	/** Connection settings of one test database. */
	public record Database(String url, String username, String password) {

		/**
		 * A data source of one connection, shared by every caller, in autocommit unless a
		 * transaction is bound: for tests that look at what one transaction holds.
		 */
		public DataSource singleConnection() {
			SingleConnectionDataSource single = new SingleConnectionDataSource(url, username, password, true);
			single.setAutoCommit(true);
			return single;
		}

	}

	private record Server(String baseUrl, String username, String password, String adminDatabase) {

		String adminUrl() {
			return urlOf(adminDatabase);
		}

		String urlOf(String database) {
			return baseUrl + database;
		}

	}

}

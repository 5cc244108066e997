package com.acme.orders.platform.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs in a child JVM: starts the durable embedded PostgreSQL, commits one order row,
 * says READY and waits to be killed with SIGKILL, leaving its PostgreSQL server behind as
 * {@code kill -9} of the app would.
 */
public final class KilledJvmWithEmbeddedPostgres {

	private KilledJvmWithEmbeddedPostgres() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(Path.of(args[0]),
				Integer.parseInt(args[1]), "orders");
		DurableEmbeddedPostgres postgres = DurableEmbeddedPostgres.start(properties);
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists committed_orders (id int primary key)");
			statement.execute("insert into committed_orders values (" + args[2] + ")");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}

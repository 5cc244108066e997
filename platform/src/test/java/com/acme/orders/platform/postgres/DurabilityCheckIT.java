package com.acme.orders.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.platform.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class DurabilityCheckIT {

	private final TestPostgres.Database database = TestPostgres.newDatabase();

	private final JdbcClient jdbc = JdbcClient
		.create(new DriverManagerDataSource(database.url(), database.username(), database.password()));

	@Test
	void aDatabaseThatCommitsWithoutWaitingForTheDiskIsReported() {
		String name = jdbc.sql("select current_database()").query(String.class).single();

		jdbc.sql("alter database " + name + " set synchronous_commit = off").update();
		assertThat(new DurabilityCheck(jdbc).unsafeSettings()).contains("synchronous_commit=off");

		jdbc.sql("alter database " + name + " set synchronous_commit = on").update();
		assertThat(new DurabilityCheck(jdbc).unsafeSettings()).doesNotContain("synchronous_commit=off");
	}

}

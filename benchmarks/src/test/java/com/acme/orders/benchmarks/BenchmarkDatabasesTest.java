package com.acme.orders.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkDatabasesTest {

	@Test
	void aDatabaseOnTheGivenServerKeepsTheUrlsParameters() {
		assertThat(BenchmarkDatabases.withDatabase(
				"jdbc:postgresql://db:5432/postgres?sslmode=require&sslrootcert=/etc/ca.pem",
				"orders_benchmark_app_1f"))
			.isEqualTo("jdbc:postgresql://db:5432/orders_benchmark_app_1f?sslmode=require&sslrootcert=/etc/ca.pem");
		assertThat(BenchmarkDatabases.withDatabase("jdbc:postgresql://localhost/postgres", "b"))
			.isEqualTo("jdbc:postgresql://localhost/b");
	}

	@Test
	void aUrlWithoutHostOrDatabaseIsRefused() {
		assertThatThrownBy(() -> BenchmarkDatabases.withDatabase("jdbc:postgresql:postgres", "b"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BenchmarkDatabases.withDatabase("jdbc:postgresql://host", "b"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}

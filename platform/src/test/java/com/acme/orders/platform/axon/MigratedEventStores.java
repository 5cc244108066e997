package com.acme.orders.platform.axon;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.TestPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Axon's JDBC event store on a fresh database that Flyway has migrated, with the tables
 * and JSON of the app, for tests of the store on PostgreSQL.
 */
final class MigratedEventStores {

	private MigratedEventStores() {
	}

	static DataSource freshDatabase() {
		TestPostgres.Database database = TestPostgres.newDatabase();
		DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	/** The store's builder, each statement in a transaction of its own. */
	static JdbcEventStorageEngine.Builder engine(ConnectionProvider connections) {
		JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventStoreJson.objectMapper()).build();
		return JdbcEventStorageEngine.builder()
			.connectionProvider(connections)
			.transactionManager(NoTransactionManager.INSTANCE)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.schema(AxonTableNames.eventSchema());
	}

}

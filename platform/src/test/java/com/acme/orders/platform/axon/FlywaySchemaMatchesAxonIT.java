package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.TestPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The tables Flyway creates are the tables Axon itself would create for PostgreSQL with
 * our schema names: same columns, types, lengths, nullability, primary keys and unique
 * constraints. Axon never creates a table at run time, so this is what keeps the
 * migrations honest.
 */
class FlywaySchemaMatchesAxonIT {

	private static final List<String> AXON_TABLES = List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
			"saga_entry", "association_value_entry", "dead_letter_entry");

	private static final String COLUMNS = """
			select table_name, column_name, data_type, character_maximum_length, is_nullable
			from information_schema.columns
			where table_schema = 'public' and table_name in (:tables)
			order by table_name, column_name
			""";

	private static final String KEYS = """
			select cls.relname, con.contype,
			       (select string_agg(att.attname, ',' order by att.attname)
			        from unnest(con.conkey) as key(attnum)
			        join pg_attribute att on att.attrelid = con.conrelid and att.attnum = key.attnum) as key_columns
			from pg_constraint con
			join pg_class cls on cls.oid = con.conrelid
			where con.contype in ('p', 'u') and cls.relname in (:tables)
			order by 1, 2, 3
			""";

	@Test
	void flywayCreatesExactlyTheTablesAxonExpects() throws SQLException {
		DataSource migrated = dataSource(TestPostgres.newDatabase());
		Flyway.configure().dataSource(migrated).locations("classpath:db/migration").load().migrate();
		DataSource axonMade = dataSource(TestPostgres.newDatabase());
		createAxonSchema(axonMade);

		assertThat(describe(migrated, COLUMNS)).isNotEmpty().isEqualTo(describe(axonMade, COLUMNS));
		assertThat(describe(migrated, KEYS)).isNotEmpty().isEqualTo(describe(axonMade, KEYS));
	}

	private static void createAxonSchema(DataSource dataSource) throws SQLException {
		DataSourceConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
		JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventStoreJson.objectMapper()).build();
		JdbcEventStorageEngine.builder()
			.connectionProvider(connections)
			.transactionManager(NoTransactionManager.INSTANCE)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.schema(AxonTableNames.eventSchema())
			.build()
			.createSchema(PostgresEventTableFactory.INSTANCE);
		JdbcTokenStore.builder()
			.connectionProvider(connections)
			.serializer(serializer)
			.schema(AxonTableNames.tokenSchema())
			.build()
			.createSchema(PostgresTokenTableFactory.INSTANCE);
		JdbcSagaStore.builder()
			.connectionProvider(connections)
			.serializer(serializer)
			.sqlSchema(new PostgresSagaSqlSchema(AxonTableNames.sagaSchema()))
			.build()
			.createSchema();
		JdbcSequencedDeadLetterQueue.builder()
			.processingGroup("any")
			.connectionProvider(connections)
			.transactionManager(NoTransactionManager.INSTANCE)
			.schema(AxonTableNames.deadLetterSchema())
			.genericSerializer(serializer)
			.eventSerializer(serializer)
			.build()
			.createSchema(new PostgresDeadLetterTableFactory());
	}

	private static List<List<Object>> describe(DataSource dataSource, String sql) {
		return JdbcClient.create(dataSource).sql(sql).param("tables", AXON_TABLES).query((rs, row) -> {
			int columns = rs.getMetaData().getColumnCount();
			List<Object> values = new java.util.ArrayList<>();
			for (int i = 1; i <= columns; i++) {
				values.add(rs.getObject(i));
			}
			return values;
		}).list();
	}

	private static DataSource dataSource(TestPostgres.Database database) {
		return new DriverManagerDataSource(database.url(), database.username(), database.password());
	}

	/**
	 * Axon ships only a generic dead-letter table factory; on PostgreSQL its BLOB columns
	 * are bytea.
	 */
	private static final class PostgresDeadLetterTableFactory extends GenericDeadLetterTableFactory {

		@Override
		protected String serializedDataType() {
			return "bytea";
		}

	}

}

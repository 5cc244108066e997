package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.TestPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On PostgreSQL, with batches of two events: an aggregate is read until a batch comes
 * back short, not once more until one comes back empty, and every event is read.
 */
class AggregateBatchesIT {

	private static final int BATCH_SIZE = 2;

	private final AtomicInteger aggregateReads = new AtomicInteger();

	private JdbcEventStorageEngine engine;

	@BeforeEach
	void startTheStore() {
		TestPostgres.Database database = TestPostgres.newDatabase();
		DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventStoreJson.objectMapper()).build();
		engine = JdbcEventStorageEngine.builder()
			.connectionProvider(countingAggregateReads(dataSource))
			.transactionManager(NoTransactionManager.INSTANCE)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.schema(AxonTableNames.eventSchema())
			.batchSize(BATCH_SIZE)
			.finalAggregateBatchPredicate(AggregateBatches.lastWhenShorterThan(BATCH_SIZE))
			.build();
	}

	@Test
	void aShortBatchIsTheLast() {
		String order = appendEvents(3);

		assertThat(sequenceNumbersRead(order)).containsExactly(0L, 1L, 2L);
		assertThat(aggregateReads).as("[0, 1], then [2]").hasValue(2);
	}

	@Test
	void aFullBatchIsFollowedByAnotherRead() {
		String order = appendEvents(4);

		assertThat(sequenceNumbersRead(order)).containsExactly(0L, 1L, 2L, 3L);
		assertThat(aggregateReads).as("[0, 1], [2, 3], then nothing").hasValue(3);
	}

	private String appendEvents(int count) {
		String aggregate = UUID.randomUUID().toString();
		List<DomainEventMessage<?>> events = IntStream.range(0, count)
			.<DomainEventMessage<?>>mapToObj(
					sequence -> new GenericDomainEventMessage<>("Order", aggregate, sequence, "event " + sequence))
			.toList();
		engine.appendEvents(events);
		aggregateReads.set(0);
		return aggregate;
	}

	private List<Long> sequenceNumbersRead(String aggregate) {
		return engine.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList();
	}

	/** Connections that count the statements prepared to read one aggregate's events. */
	private ConnectionProvider countingAggregateReads(DataSource dataSource) {
		return () -> {
			Connection connection = dataSource.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().startsWith("prepareStatement")
								&& ((String) args[0]).contains("sequence_number >=")) {
							aggregateReads.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		};
	}

}

package com.acme.orders.platform.axon;

import java.time.Duration;

import com.acme.orders.platform.postgres.TransactionBounds;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;

/**
 * Axon's stores on PostgreSQL through JDBC: the event store, snapshots, tokens, sagas and
 * dead letters, all in the snake_case tables that Flyway creates. Runs before Axon's own
 * JDBC auto-configuration, which then only fills in what is left (token store, saga
 * store, dead-letter queues) with these schemas.
 */
@AutoConfiguration(after = AxonOnBoot4Ordering.class,
		beforeName = { "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
				"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
				"org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration" })
@EnableConfigurationProperties(AxonStorageAutoConfiguration.EventStoreProperties.class)
public class AxonStorageAutoConfiguration {

	/**
	 * PostgreSQL's unique_violation: another writer already appended this aggregate
	 * sequence number.
	 */
	private static final String UNIQUE_VIOLATION = "23505";

	@Bean("defaultAxonObjectMapper")
	ObjectMapper defaultAxonObjectMapper() {
		return EventStoreJson.objectMapper();
	}

	@Bean
	PersistenceExceptionResolver persistenceExceptionResolver() {
		return new SQLStateResolver(UNIQUE_VIOLATION);
	}

	@Bean
	EventSchema eventSchema() {
		return AxonTableNames.eventSchema();
	}

	@Bean
	TokenSchema tokenSchema() {
		return AxonTableNames.tokenSchema();
	}

	@Bean
	SagaSqlSchema sagaSqlSchema() {
		return new PostgresSagaSqlSchema(AxonTableNames.sagaSchema());
	}

	@Bean
	DeadLetterSchema deadLetterSchema() {
		return AxonTableNames.deadLetterSchema();
	}

	@Bean
	EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
			@Qualifier("eventSerializer") Serializer eventSerializer,
			PersistenceExceptionResolver persistenceExceptionResolver,
			org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
			TransactionManager transactionManager, EventSchema eventSchema, EventStoreProperties properties,
			ObjectProvider<TransactionBounds> bounds, EventArrivals arrivals) {
		return new SignallingJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
			.snapshotSerializer(defaultSerializer)
			.eventSerializer(eventSerializer)
			.upcasterChain(configuration.upcasterChain())
			.snapshotFilter(configuration.snapshotFilter())
			.persistenceExceptionResolver(persistenceExceptionResolver)
			.connectionProvider(connectionProvider)
			.transactionManager(new ReadsOutsideTransactions(transactionManager))
			.schema(eventSchema)
			.batchSize(properties.batchSize())
			.finalAggregateBatchPredicate(AggregateBatches.lastWhenShorterThan(properties.batchSize()))
			.gapTimeout(Math.toIntExact(safeGapTimeout(properties, bounds.getIfAvailable()).toMillis()))
			.maxGapOffset(properties.maxGapOffset()), arrivals);
	}

	/**
	 * The source every pooled processor reads: the event store, with streams that tell
	 * the processor to look for new events as soon as they arrive, and every
	 * {@code orders.event-processing.look-interval} in case a wake-up was missed.
	 */
	@Bean
	PromptEventSource promptEventSource(EventStore eventStore,
			@Value("${orders.event-processing.look-interval:20ms}") Duration interval, EventArrivals arrivals) {
		return new PromptEventSource(eventStore, interval, arrivals);
	}

	/**
	 * After telling the processors that events arrived, the next telling waits 5 ms. By
	 * hand, 16 clients placing orders: 282 orders/s (median of six 20 s runs, 241 to 314)
	 * against 248 (212 to 320) with a wake-up for every fetch (measured on a first
	 * version that learnt of fetches by tailing the store).
	 */
	@Bean
	EventArrivals eventArrivals() {
		return new EventArrivals(Duration.ofMillis(5));
	}

	/**
	 * A gap may be given up on only once the transaction that took its index can no
	 * longer commit: the gap timeout must exceed the longest transaction, with room for
	 * clocks that differ between the writer and the reader.
	 */
	static Duration safeGapTimeout(EventStoreProperties properties, TransactionBounds bounds) {
		if (bounds != null && properties.gapTimeout().compareTo(bounds.transactionTimeout().multipliedBy(2)) < 0) {
			throw new IllegalStateException("orders.event-store.gap-timeout (" + properties.gapTimeout()
					+ ") must be at least twice orders.postgres.transaction-timeout (" + bounds.transactionTimeout()
					+ "), or events committed late could be skipped");
		}
		return properties.gapTimeout();
	}

	/**
	 * Tuning of the JDBC event store.
	 *
	 * @param batchSize how many events one read of the store returns
	 * @param gapTimeout how long a gap in the global index is waited for before it is
	 * given up on: Axon's default is 60 s; ours is far above the longest transaction
	 * ({@link TransactionBounds})
	 * @param maxGapOffset how many positions behind the newest event a gap is still
	 * waited for: at least the events written during {@code gapTimeout} at full load
	 * (Axon's default, 10,000, is a few seconds of it)
	 */
	@ConfigurationProperties("orders.event-store")
	public record EventStoreProperties(@DefaultValue("100") int batchSize, @DefaultValue("5m") Duration gapTimeout,
			@DefaultValue("10000000") int maxGapOffset) {
	}

}

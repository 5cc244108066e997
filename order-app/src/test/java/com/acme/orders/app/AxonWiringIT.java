package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Predicate;

import com.acme.orders.platform.axon.CommandTargets;
import com.acme.orders.platform.testing.PostgresTest;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Component;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Axon 4.13 on Spring Boot 4 silently falls back to in-memory stores and no transactions
 * when its auto-configuration runs in the wrong order. This proves the real JDBC
 * components are wired, on a database Flyway alone created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresTest
class AxonWiringIT {

	@Autowired
	private EventStorageEngine eventStorageEngine;

	@Autowired
	private TokenStore tokenStore;

	@Autowired
	private SagaStore<?> sagaStore;

	@Autowired
	private TransactionManager transactionManager;

	@Autowired
	private PersistenceExceptionResolver persistenceExceptionResolver;

	@Autowired
	private Serializer generalSerializer;

	@Autowired
	@Qualifier("eventSerializer")
	private Serializer eventSerializer;

	@Autowired
	@Qualifier("messageSerializer")
	private Serializer messageSerializer;

	@Autowired
	private EventProcessingConfiguration eventProcessing;

	@Autowired
	private DeadlineManager deadlineManager;

	@Autowired
	private JdbcClient database;

	@Autowired
	private Environment environment;

	@Autowired
	private org.axonframework.config.Configuration axon;

	@Test
	void axonStoresEverythingInPostgresThroughJdbcInSpringTransactions() {
		assertThat(eventStorageEngine).isInstanceOf(JdbcEventStorageEngine.class);
		assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
		assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
		assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
		assertThat(persistenceExceptionResolver).isInstanceOf(SQLStateResolver.class);
	}

	/**
	 * The store's writes join Spring's transactions; its reads start none of their own
	 * (ReadsOutsideTransactions).
	 */
	@Test
	void theEventStoreWritesInSpringTransactionsAndReadsWithoutStartingOne() {
		Object storeTransactions = ReflectionTestUtils.getField(eventStorageEngine, "transactionManager");

		assertThat(storeTransactions.getClass().getSimpleName()).isEqualTo("ReadsOutsideTransactions");
		assertThat(ReflectionTestUtils.getField(storeTransactions, "writes")).isSameAs(transactionManager);
	}

	/**
	 * Axon's JDBC store would read an aggregate once more after a short batch, until one
	 * came back empty (AggregateBatches).
	 */
	@Test
	@SuppressWarnings("unchecked")
	void anAggregateIsReadUntilABatchComesBackShort() {
		Predicate<List<?>> lastBatch = (Predicate<List<?>>) ReflectionTestUtils.getField(eventStorageEngine,
				"finalAggregateBatchPredicate");

		assertThat(lastBatch.test(List.of("one event"))).isTrue();
	}

	/**
	 * Orders, payments and shipments are kept in memory between commands
	 * (RecentAggregates).
	 */
	@Test
	void everyAggregateIsKeptInMemoryBetweenCommands() {
		assertThat(axon.findModules(AggregateConfiguration.class)).hasSize(3)
			.allSatisfy(
					aggregate -> assertThat(aggregate.repository()).isInstanceOf(CachingEventSourcingRepository.class));
	}

	/**
	 * Every aggregate finds a command's target without searching the command's
	 * annotations each time (CommandTargets).
	 */
	@Test
	void everyAggregateFindsItsCommandsTargetsOncePerCommandClass() {
		assertThat(axon.findModules(AggregateConfiguration.class)).hasSize(3)
			.allSatisfy(aggregate -> assertThat(
					((Component<?>) ReflectionTestUtils.getField(aggregate, "commandTargetResolver")).get())
				.isInstanceOf(CommandTargets.class));
	}

	@Test
	void sagaDeadlinesArePersistentInPostgres() {
		assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
	}

	@Test
	void everythingIsSerializedWithJackson() {
		assertThat(generalSerializer).isInstanceOf(JacksonSerializer.class);
		assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
		assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
		assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
			.as("XStream is not even on the classpath")
			.isInstanceOf(ClassNotFoundException.class);
	}

	@Test
	void theActiveSlotOfTheProjectionRunsAsAPooledProcessorWithItsTokensInPostgres() {
		assertThat(eventProcessing.eventProcessor("order-summary-a", PooledStreamingEventProcessor.class)).get()
			.matches(PooledStreamingEventProcessor::isRunning, "running");
		assertThat(eventProcessing.eventProcessor("order-summary-b", PooledStreamingEventProcessor.class)).get()
			.matches(processor -> !processor.isRunning(), "idle until a replay");
		assertThat(eventProcessing.tokenStore("order-summary-a")).isSameAs(tokenStore);
		assertThat(database.sql("select count(*) from token_entry where processor_name = 'order-summary-a'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(database.sql("select count(*) from token_entry where processor_name = 'order-summary-b'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void flywayAloneCreatedEveryTable() {
		assertThat(database.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
		assertThat(database
			.sql("select table_name from information_schema.tables where table_schema = 'public' "
					+ "order by table_name")
			.query(String.class)
			.list()).containsExactly("association_value_entry", "dead_letter_entry", "deferred_index",
					"domain_event_entry", "flyway_schema_history", "idempotency_key", "order_summary_a",
					"order_summary_b", "order_summary_line_a", "order_summary_line_b", "order_timeline_a",
					"order_timeline_b", "projection_replay", "projection_slot", "saga_entry", "scheduled_tasks",
					"snapshot_event_entry", "token_entry");
	}

	@Test
	void nothingTalksToAxonServerOrChecksForUpdates() {
		assertThatThrownBy(() -> Class.forName("org.axonframework.axonserver.connector.AxonServerConfiguration"))
			.isInstanceOf(ClassNotFoundException.class);
		assertThat(environment.getProperty("axon.update-check.disabled", Boolean.class)).isTrue();
	}

}

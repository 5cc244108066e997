package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, the event store with Spring's transactions and connections, as the app
 * builds it: reading tracked events, the head and an aggregate's last sequence number
 * starts no transaction; an append runs in one; a read inside a transaction runs in it
 * and sees what the transaction appended before it commits.
 */
class ReadsOutsideTransactionsIT {

	/**
	 * Transactions begun on the database: Spring begins one by turning autocommit off.
	 */
	private final AtomicInteger begun = new AtomicInteger();

	private TransactionTemplate transaction;

	private JdbcEventStorageEngine store;

	@BeforeEach
	void setUp() {
		DataSource dataSource = countingBegins(MigratedEventStores.freshDatabase());
		DataSourceTransactionManager spring = new DataSourceTransactionManager(dataSource);
		transaction = new TransactionTemplate(spring);
		store = MigratedEventStores.engine(new SpringDataSourceConnectionProvider(dataSource))
			.transactionManager(new ReadsOutsideTransactions(new SpringTransactionManager(spring)))
			.build();
	}

	@Test
	void readsStartNoTransactionAndAnAppendRunsInOne() {
		store.appendEvents(
				List.of(event("order-1", 0), event("order-1", 1), GenericEventMessage.asEventMessage("other")));
		assertThat(begun).as("the append").hasValue(1);

		List<? extends TrackedEventMessage<?>> read = store.readEvents(null, false).limit(3).toList();
		assertThat(read.stream().map(event -> (Object) event.getPayload())).containsExactly("order-1 #0", "order-1 #1",
				"other");
		assertThat(store.createHeadToken().position()).hasValue(read.get(2).trackingToken().position().getAsLong());
		assertThat(store.lastSequenceNumberFor("order-1")).contains(1L);
		assertThat(begun).as("after the reads").hasValue(1);
	}

	@Test
	void aReadInsideATransactionSeesWhatItAppendedBeforeTheCommit() {
		transaction.executeWithoutResult(status -> {
			store.appendEvents(List.of(event("order-2", 0)));
			assertThat(store.lastSequenceNumberFor("order-2")).contains(0L);
			assertThat(store.readEvents("order-2").asStream()).hasSize(1);
			status.setRollbackOnly();
		});

		assertThat(store.lastSequenceNumberFor("order-2")).isEqualTo(Optional.empty());
		assertThat(begun).as("the one transaction").hasValue(1);
	}

	private static GenericDomainEventMessage<String> event(String order, long sequence) {
		return new GenericDomainEventMessage<>("Order", order, sequence, order + " #" + sequence,
				MetaData.emptyInstance());
	}

	private DataSource countingBegins(DataSource target) {
		return new DelegatingDataSource(target) {
			@Override
			public Connection getConnection() throws SQLException {
				return CountingConnections.counting(super.getConnection(),
						(method, args) -> method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0]),
						begun);
			}
		};
	}

}

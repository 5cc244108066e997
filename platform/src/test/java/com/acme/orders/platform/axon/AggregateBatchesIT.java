package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
		engine = MigratedEventStores.engine(countingAggregateReads(MigratedEventStores.freshDatabase()))
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
		return () -> CountingConnections.counting(dataSource.getConnection(),
				(method, args) -> method.getName().startsWith("prepareStatement")
						&& ((String) args[0]).contains("sequence_number >="),
				aggregateReads);
	}

}

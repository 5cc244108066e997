package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, through Axon's embedded store: a processor's stream is asked to look as
 * soon as an appended event is in the store's cache, with the event there to read, long
 * before its hour-long look interval; a closed stream is no longer asked. Every way of
 * reading an event gives back the time it was stored with.
 */
class SignallingJdbcEventStorageEngineIT {

	private final EventArrivals arrivals = new EventArrivals(Duration.ofMillis(5));

	private SignallingJdbcEventStorageEngine storageEngine;

	private EmbeddedEventStore eventStore;

	private PromptEventSource source;

	@BeforeEach
	void startTheStore() {
		JdbcEventStorageEngine.Builder engine = MigratedEventStores
			.engine(new DataSourceConnectionProvider(MigratedEventStores.freshDatabase()));
		storageEngine = new SignallingJdbcEventStorageEngine(engine, arrivals);
		eventStore = EmbeddedEventStore.builder().storageEngine(storageEngine).build();
		source = new PromptEventSource(eventStore, Duration.ofHours(1), arrivals);
	}

	@AfterEach
	void stopTheStore() {
		source.close();
		arrivals.close();
		eventStore.shutDown();
	}

	@Test
	void aStreamIsAskedToLookAsSoonAsAnAppendedEventIsThereToRead() throws Exception {
		BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
		// Reading once makes the stream tail the store, as a caught-up processor's does.
		assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
		CompletableFuture<Boolean> looked = new CompletableFuture<>();
		stream.setOnAvailableCallback(() -> looked.complete(hasNext(stream)));

		eventStore.publish(GenericEventMessage.asEventMessage("arrived"));

		assertThat(looked.get(10, TimeUnit.SECONDS)).as("the event was there to read when asked").isTrue();
	}

	@Test
	void aClosedStreamIsNotAskedWhenEventsArrive() throws Exception {
		BlockingStream<TrackedEventMessage<?>> open = source.openStream(null);
		BlockingStream<TrackedEventMessage<?>> closing = source.openStream(null);
		assertThat(open.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
		AtomicInteger openLooks = new AtomicInteger();
		AtomicInteger closedLooks = new AtomicInteger();
		open.setOnAvailableCallback(openLooks::incrementAndGet);
		closing.setOnAvailableCallback(closedLooks::incrementAndGet);
		closing.close();

		for (int i = 0; i < 3; i++) {
			int before = openLooks.get();
			eventStore.publish(GenericEventMessage.asEventMessage("arrived " + i));
			await().atMost(Duration.ofSeconds(10)).until(() -> openLooks.get() > before);
		}

		assertThat(closedLooks).hasValue(0);
	}

	@Test
	void everyWayOfReadingAnEventGivesItsStoredTime() throws Exception {
		Instant placedAt = Instant.parse("2026-12-07T00:40:00.390Z");
		Instant snapshotAt = Instant.parse("2026-12-07T00:41:00.001Z");
		eventStore.publish(new GenericDomainEventMessage<>("Order", "order-1", 0, "placed", MetaData.emptyInstance(),
				"event-1", placedAt));
		storageEngine.storeSnapshot(new GenericDomainEventMessage<>("Order", "order-1", 0, "state",
				MetaData.emptyInstance(), "snapshot-1", snapshotAt));

		BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
		assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
		assertThat(stream.nextAvailable().getTimestamp()).as("tracked").isEqualTo(placedAt);
		stream.close();
		assertThat(storageEngine.readEvents("order-1", 0).asStream().map(DomainEventMessage::getTimestamp))
			.as("the aggregate's events")
			.containsExactly(placedAt);
		assertThat(storageEngine.readSnapshot("order-1")).map(DomainEventMessage::getTimestamp)
			.as("its snapshot")
			.contains(snapshotAt);
	}

	private static boolean hasNext(BlockingStream<TrackedEventMessage<?>> stream) {
		try {
			return stream.hasNextAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}

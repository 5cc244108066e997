package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * A pooled processor reading through this source is asked to look for events as soon as
 * the store has new ones, and again and again at an interval in case it missed them,
 * instead of falling back to Axon's 500 ms poll; and is no longer asked once it closed
 * its stream.
 */
class PromptEventSourceTest {

	private final AtomicBoolean storeStreamClosed = new AtomicBoolean();

	private final StreamableMessageSource<TrackedEventMessage<?>> store = new StreamableMessageSource<>() {

		@Override
		public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
			return new EmptyStream();
		}

		@Override
		public TrackingToken createTailToken() {
			return new GlobalSequenceTrackingToken(-1);
		}

	};

	@Test
	void theProcessorIsAskedToLookUntilItClosesTheStream() throws Exception {
		try (PromptEventSource source = new PromptEventSource(store, Duration.ofMillis(5))) {
			BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
			AtomicInteger looks = new AtomicInteger();

			assertThat(stream.setOnAvailableCallback(looks::incrementAndGet)).as("callbacks supported").isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> looks.get() >= 3);

			stream.close();
			int afterClose = looks.get();
			Thread.sleep(50);
			assertThat(looks.get()).isLessThanOrEqualTo(afterClose + 1);
			assertThat(storeStreamClosed).isTrue();
		}
	}

	@Test
	void theProcessorIsAskedToLookAsSoonAsEventsArriveWithTheEventsThere() throws Exception {
		EmbeddedEventStore eventStore = embeddedStore();
		try (PromptEventSource source = new PromptEventSource(eventStore, Duration.ofHours(1))) {
			BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
			CompletableFuture<Boolean> looked = new CompletableFuture<>();
			stream.setOnAvailableCallback(() -> looked.complete(hasNext(stream)));

			// The store is tailed from its head once a stream asks: append until it is.
			Instant deadline = Instant.now().plusSeconds(10);
			while (!looked.isDone() && Instant.now().isBefore(deadline)) {
				eventStore.publish(GenericEventMessage.asEventMessage("arrived"));
				Thread.sleep(50);
			}

			assertThat(looked).as("asked to look long before the hour-long interval").isDone();
			assertThat(looked.get()).as("the event was there to read when asked").isTrue();
		}
		finally {
			eventStore.shutDown();
		}
	}

	@Test
	void aClosedStreamIsNotAskedWhenEventsArrive() throws Exception {
		EmbeddedEventStore eventStore = embeddedStore();
		try (PromptEventSource source = new PromptEventSource(eventStore, Duration.ofHours(1))) {
			BlockingStream<TrackedEventMessage<?>> open = source.openStream(null);
			BlockingStream<TrackedEventMessage<?>> closing = source.openStream(null);
			AtomicInteger openLooks = new AtomicInteger();
			AtomicInteger closedLooks = new AtomicInteger();
			open.setOnAvailableCallback(openLooks::incrementAndGet);
			closing.setOnAvailableCallback(closedLooks::incrementAndGet);
			closing.close();

			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
				eventStore.publish(GenericEventMessage.asEventMessage("arrived"));
				return openLooks.get() >= 3;
			});

			assertThat(closedLooks).hasValue(0);
		}
		finally {
			eventStore.shutDown();
		}
	}

	@Test
	void tokensComeFromTheStore() {
		try (PromptEventSource source = new PromptEventSource(store, Duration.ofMillis(5))) {
			assertThat(source.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
		}
	}

	private static EmbeddedEventStore embeddedStore() {
		return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
	}

	private static boolean hasNext(BlockingStream<TrackedEventMessage<?>> stream) {
		try {
			return stream.hasNextAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The store's own stream: no events, and no callbacks (as Axon's embedded store). */
	private final class EmptyStream implements BlockingStream<TrackedEventMessage<?>> {

		@Override
		public Optional<TrackedEventMessage<?>> peek() {
			return Optional.empty();
		}

		@Override
		public boolean hasNextAvailable(int timeout, TimeUnit unit) {
			return false;
		}

		@Override
		public TrackedEventMessage<?> nextAvailable() {
			throw new IllegalStateException("no events");
		}

		@Override
		public void close() {
			storeStreamClosed.set(true);
		}

	}

}

package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * A pooled processor reading through this source is asked to look for events again and
 * again, instead of falling back to Axon's 500 ms poll, and is no longer asked once it
 * closed its stream. ({@link SignallingJdbcEventStorageEngineIT}: asked at once when
 * events arrive.)
 */
class PromptEventSourceTest {

	private final AtomicBoolean storeStreamClosed = new AtomicBoolean();

	private final EventArrivals arrivals = new EventArrivals(Duration.ofMillis(5));

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
		try (PromptEventSource source = new PromptEventSource(store, Duration.ofMillis(5), arrivals)) {
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
	void tokensComeFromTheStore() {
		try (PromptEventSource source = new PromptEventSource(store, Duration.ofMillis(5), arrivals)) {
			assertThat(source.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
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

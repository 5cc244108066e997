package com.acme.orders.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as pooled streaming processors read it. Axon's embedded event store
 * cannot tell a pooled processor that events arrived, so the processor looks again only
 * every 500 ms: every hop of a saga and every write waiting for its read model waited up
 * to that long. The streams of this source ask the processor to look as soon as the store
 * has fetched new events ({@link EventArrivals}), and every {@code interval} besides, in
 * case a wake-up was missed. A look that finds nothing is cheap.
 */
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

	private final StreamableMessageSource<TrackedEventMessage<?>> store;

	private final Duration interval;

	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(new AxonThreadFactory("event-source-ticker"));

	private final EventArrivals arrivals;

	public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration interval,
			EventArrivals arrivals) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("orders.event-processing.look-interval must be positive: " + interval);
		}
		this.store = store;
		this.interval = interval;
		this.arrivals = arrivals;
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
		return new PromptStream(store.openStream(token));
	}

	@Override
	public TrackingToken createTailToken() {
		return store.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return store.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return store.createTokenAt(dateTime);
	}

	@Override
	public void close() {
		ticker.shutdownNow();
	}

	/**
	 * A stream of the store that asks its reader to look when events arrive and every
	 * interval.
	 */
	private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

		private final BlockingStream<TrackedEventMessage<?>> events;

		private volatile ScheduledFuture<?> prompts;

		private volatile Runnable arrivalListener;

		PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
			this.events = events;
		}

		@Override
		public boolean setOnAvailableCallback(Runnable callback) {
			stopPrompting();
			prompts = ticker.scheduleWithFixedDelay(() -> prompt(callback), interval.toNanos(), interval.toNanos(),
					TimeUnit.NANOSECONDS);
			arrivalListener = callback;
			arrivals.add(callback);
			return true;
		}

		/**
		 * A callback that throws must not end the prompts: the processor would look
		 * seldom.
		 */
		private void prompt(Runnable callback) {
			try {
				callback.run();
			}
			catch (RuntimeException ex) {
				log.warn("Asking an event processor to look for events failed", ex);
			}
		}

		@Override
		public Optional<TrackedEventMessage<?>> peek() {
			return events.peek();
		}

		@Override
		public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
			return events.hasNextAvailable(timeout, unit);
		}

		@Override
		public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
			return events.nextAvailable();
		}

		@Override
		public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
			events.skipMessagesWithPayloadTypeOf(ignoredMessage);
		}

		@Override
		public void close() {
			stopPrompting();
			events.close();
		}

		private void stopPrompting() {
			ScheduledFuture<?> scheduled = prompts;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
			Runnable listener = arrivalListener;
			if (listener != null) {
				arrivals.remove(listener);
			}
		}

	}

}

package com.acme.orders.platform.projection;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as one pooled processor reads it, kept at most {@code lead} positions
 * ahead of what the processor's slowest segment has handled. Axon's coordinator puts each
 * event in the queue of every segment, up to 1,024 events each, and before each event it
 * counts every queue, a walk of the whole queue ({@code ConcurrentLinkedQueue.size()}).
 * When the handlers are the slower side, as in a replay, the queues stay full and that
 * counting took a third of the app's CPU. Held to a lead of a few batches, the queues
 * stay short while a worker still finds its next batch waiting.
 * <p>
 * A stream held back is resumed by {@link #batchHandled()}, which the processor's workers
 * call after each task; a resume missed in a race waits for the look the stream below
 * asks for anyway ({@code orders.event-processing.look-interval}).
 */
final class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

	/** What {@code handledUpTo} answers when the processor does not know yet. */
	static final long UNKNOWN = -1;

	private final StreamableMessageSource<TrackedEventMessage<?>> source;

	private final long lead;

	private final LongSupplier handledUpTo;

	private final Set<PacedStream> streams = ConcurrentHashMap.newKeySet();

	/**
	 * @param handledUpTo the lowest position every segment of the processor has handled,
	 * or {@link #UNKNOWN}
	 */
	PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> source, long lead, LongSupplier handledUpTo) {
		if (lead < 1) {
			throw new IllegalArgumentException("The lead must be at least one event: " + lead);
		}
		this.source = source;
		this.lead = lead;
		this.handledUpTo = handledUpTo;
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
		PacedStream stream = new PacedStream(source.openStream(token));
		streams.add(stream);
		return stream;
	}

	@Override
	public TrackingToken createTailToken() {
		return source.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return source.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return source.createTokenAt(dateTime);
	}

	/**
	 * The lowest position every segment the processor holds has handled, or
	 * {@link #UNKNOWN} before it holds any or while one has no position.
	 */
	static long handledUpTo(StreamingEventProcessor processor) {
		if (processor == null || processor.processingStatus().isEmpty()) {
			return UNKNOWN;
		}
		long lowest = Long.MAX_VALUE;
		for (EventTrackerStatus segment : processor.processingStatus().values()) {
			OptionalLong position = segment.getCurrentPosition();
			if (position.isEmpty()) {
				return UNKNOWN;
			}
			lowest = Math.min(lowest, position.getAsLong());
		}
		return lowest;
	}

	/**
	 * A pool for the processor's workers that calls {@link #batchHandled()} after each of
	 * their tasks.
	 */
	ScheduledExecutorService workers(int threads, ThreadFactory threadFactory) {
		return new ScheduledThreadPoolExecutor(threads, threadFactory) {
			@Override
			protected void afterExecute(Runnable task, Throwable failure) {
				super.afterExecute(task, failure);
				batchHandled();
			}
		};
	}

	/** A batch was handled: a stream held back may go on. */
	void batchHandled() {
		streams.forEach(PacedStream::resumeIfWithinLead);
	}

	private final class PacedStream implements BlockingStream<TrackedEventMessage<?>> {

		private final BlockingStream<TrackedEventMessage<?>> events;

		/** Written by the reading thread only. */
		private volatile long handedOutUpTo = UNKNOWN;

		/**
		 * The last answer of {@code handledUpTo}, asked again only when it would hold
		 * back.
		 */
		private long knownHandledUpTo = UNKNOWN;

		private volatile boolean holding;

		private volatile Runnable onAvailable;

		PacedStream(BlockingStream<TrackedEventMessage<?>> events) {
			this.events = events;
		}

		@Override
		public boolean hasNextAvailable() {
			return !tooFarAhead() && events.hasNextAvailable();
		}

		/** Held back, it answers at once: waiting would hold up the one waiting. */
		@Override
		public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
			return !tooFarAhead() && events.hasNextAvailable(timeout, unit);
		}

		private boolean tooFarAhead() {
			if (handedOutUpTo == UNKNOWN || handedOutUpTo - knownHandledUpTo < lead) {
				return false;
			}
			long handled = handledUpTo.getAsLong();
			// Not known (no segment claimed yet), or ahead of this stream (a segment
			// claimed since has no position yet): look again within the next lead.
			knownHandledUpTo = (handled == UNKNOWN) ? handedOutUpTo : Math.min(handled, handedOutUpTo);
			holding = handedOutUpTo - knownHandledUpTo >= lead;
			return holding;
		}

		void resumeIfWithinLead() {
			Runnable callback = onAvailable;
			if (holding && callback != null && handedOutUpTo - handledUpTo.getAsLong() < lead) {
				holding = false;
				try {
					callback.run();
				}
				catch (RejectedExecutionException stopping) {
					// The processor is shutting down: nothing to read for.
				}
			}
		}

		@Override
		public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
			TrackedEventMessage<?> event = events.nextAvailable();
			event.trackingToken().position().ifPresent(position -> handedOutUpTo = position);
			return event;
		}

		@Override
		public Optional<TrackedEventMessage<?>> peek() {
			return events.peek();
		}

		@Override
		public boolean setOnAvailableCallback(Runnable callback) {
			onAvailable = callback;
			return events.setOnAvailableCallback(callback);
		}

		@Override
		public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
			events.skipMessagesWithPayloadTypeOf(ignoredMessage);
		}

		@Override
		public void close() {
			streams.remove(this);
			events.close();
		}

	}

}

package com.acme.orders.platform.axon;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners that the event store has new events, as soon as it has them. One thread
 * tails the store from its head: Axon's embedded store wakes a tailing stream the moment
 * its reader thread has fetched events (at once for events this process appended, within
 * the store's fetch delay for others), and every other tailing stream reads the same
 * fetched events, so a listener that looks finds them.
 */
final class EventArrivals implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

	private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

	private final StreamableMessageSource<TrackedEventMessage<?>> store;

	private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

	private final Duration gap;

	private final Thread tailer = new Thread(this::tail, "event-arrivals");

	private volatile boolean closed;

	EventArrivals(StreamableMessageSource<TrackedEventMessage<?>> store, Duration gap) {
		this.store = store;
		this.gap = gap;
		tailer.setDaemon(true);
	}

	/** Runs {@code listener} whenever events arrive, until it is removed. */
	synchronized void add(Runnable listener) {
		listeners.add(listener);
		if (tailer.getState() == Thread.State.NEW && !closed) {
			tailer.start();
		}
	}

	void remove(Runnable listener) {
		listeners.remove(listener);
	}

	@Override
	public synchronized void close() {
		closed = true;
		tailer.interrupt();
	}

	private void tail() {
		while (!closed) {
			try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(store.createHeadToken())) {
				while (!closed) {
					if (events.hasNextAvailable(1, TimeUnit.SECONDS)) {
						skipAllAvailable(events);
						tellListeners();
						Thread.sleep(gap.toMillis());
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Tailing the event store failed; processors look for new events at their interval until"
						+ " it works again", ex);
				if (!pause(RETRY_AFTER_FAILURE)) {
					return;
				}
			}
		}
	}

	/** The events themselves do not matter here: their payloads are never read. */
	private static void skipAllAvailable(BlockingStream<TrackedEventMessage<?>> events) throws InterruptedException {
		while (events.hasNextAvailable()) {
			events.nextAvailable();
		}
	}

	/** A listener that throws must not keep the others from hearing. */
	private void tellListeners() {
		for (Runnable listener : listeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				log.warn("Telling an event processor that events arrived failed", ex);
			}
		}
	}

	private static boolean pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

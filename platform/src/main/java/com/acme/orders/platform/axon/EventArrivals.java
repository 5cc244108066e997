package com.acme.orders.platform.axon;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.AxonThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners that the embedded event store has new events in its cache, where every
 * tailing stream reads them ({@link SignallingJdbcEventStorageEngine} reports each
 * fetch). After telling, it tells again no sooner than {@code gap} later: under load,
 * each processor then takes a few milliseconds of events in one transaction instead of
 * committing once per fetch.
 */
public final class EventArrivals implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

	private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

	private final long gapNanos;

	private final ScheduledExecutorService teller = Executors
		.newSingleThreadScheduledExecutor(new AxonThreadFactory("event-arrivals"));

	private final AtomicBoolean tellingDue = new AtomicBoolean();

	private volatile long lastToldAt;

	public EventArrivals(Duration gap) {
		this.gapNanos = gap.toNanos();
		this.lastToldAt = System.nanoTime() - gapNanos;
	}

	/** Runs {@code listener} whenever events arrive, until it is removed. */
	void add(Runnable listener) {
		listeners.add(listener);
	}

	void remove(Runnable listener) {
		listeners.remove(listener);
	}

	/** The store has fetched events into its cache. Returns at once. */
	void fetched() {
		if (tellingDue.compareAndSet(false, true)) {
			long wait = Math.max(0, lastToldAt + gapNanos - System.nanoTime());
			teller.schedule(this::tellListeners, wait, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void close() {
		teller.shutdownNow();
	}

	/** A listener that throws must not keep the others from hearing. */
	private void tellListeners() {
		tellingDue.set(false);
		lastToldAt = System.nanoTime();
		for (Runnable listener : listeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				log.warn("Telling an event processor that events arrived failed", ex);
			}
		}
	}

}

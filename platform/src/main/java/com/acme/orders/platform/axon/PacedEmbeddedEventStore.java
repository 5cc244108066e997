package com.acme.orders.platform.axon;

import java.time.Duration;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, whose reader thread is woken by this process's commits at
 * most once every {@code gap}. Axon wakes it after every commit that appended events, and
 * each wake-up reads the store until a read comes back empty, then looks for the next
 * index (the extended gap check): placing orders one at a time, every order cost
 * PostgreSQL 3.4 reads of new events and 2.4 of those look-ups besides its own insert
 * ({@code pg_stat_statements}). A commit after a quiet spell still wakes the reader at
 * once; commits close behind it are read together, up to {@code gap} later.
 */
final class PacedEmbeddedEventStore extends EmbeddedEventStore {

	private final EventArrivals commits;

	PacedEmbeddedEventStore(EmbeddedEventStore.Builder builder, Duration gap) {
		super(builder);
		this.commits = new EventArrivals(gap);
		this.commits.add(() -> super.afterCommit(List.of()));
	}

	@Override
	protected void afterCommit(List<? extends EventMessage<?>> events) {
		commits.arrived();
	}

	@Override
	public void shutDown() {
		commits.close();
		super.shutDown();
	}

}

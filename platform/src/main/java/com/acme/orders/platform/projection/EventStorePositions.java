package com.acme.orders.platform.projection;

import com.acme.orders.platform.axon.AxonTableNames;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Positions in the event store that replays measure themselves against.
 */
class EventStorePositions {

	private static final long EMPTY = -1;

	private final EventStore eventStore;

	private final JdbcClient jdbc;

	EventStorePositions(EventStore eventStore, JdbcClient jdbc) {
		this.eventStore = eventStore;
		this.jdbc = jdbc;
	}

	/** The position of the newest event; -1 for an empty store. */
	long head() {
		return position(eventStore.createHeadToken());
	}

	/** The position just before the oldest event; -1 for an empty store. */
	long tail() {
		return position(eventStore.createTailToken());
	}

	long eventsUpTo(long position) {
		String table = AxonTableNames.eventSchema().domainEventTable();
		String index = AxonTableNames.eventSchema().globalIndexColumn();
		return jdbc.sql("select count(*) from " + table + " where " + index + " <= ?")
			.param(position)
			.query(Long.class)
			.single();
	}

	private static long position(TrackingToken token) {
		return (token == null) ? EMPTY : token.position().orElse(EMPTY);
	}

}

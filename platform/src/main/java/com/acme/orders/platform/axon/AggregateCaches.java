package com.acme.orders.platform.axon;

import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes the cache of recently used aggregates for each aggregate type of a context, all
 * of the size {@code orders.aggregate-cache.size} (0 keeps none). Each type needs a cache
 * of its own: Axon keys an entry by the aggregate's identifier alone.
 */
public final class AggregateCaches {

	private final ObjectProvider<EventStore> eventStore;

	private final int capacity;

	AggregateCaches(ObjectProvider<EventStore> eventStore, int capacity) {
		this.eventStore = eventStore;
		this.capacity = capacity;
	}

	/**
	 * A cache to name in {@code @Aggregate(cache = ...)}.
	 * @param type the aggregate type, as metrics tag it
	 */
	public RecentAggregates forType(String type) {
		return new RecentAggregates(type, eventStore::getObject, capacity);
	}

}

package com.acme.orders.platform.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregates of one type that this process used last, kept in memory so that a
 * command on one of them need not read its snapshot and events again. An aggregate is
 * taken from here only while the event store holds nothing newer than it: one look-up of
 * its last sequence number on the store's unique index, where a load reads a snapshot and
 * the events after it, and replays them. So another process of the same service may
 * append to the aggregate in between: the entry is dropped and the aggregate loaded.
 * Without the look-up, only a conflicting append would reveal an old entry, and a command
 * that appends nothing because the old state made it a no-op would never meet one.
 * <p>
 * Axon's caching repository drops the entry of any command that fails, so an aggregate
 * that a rejected command changed in memory is never used again. Bounded: the least
 * recently used aggregate goes first.
 */
public final class RecentAggregates implements Cache {

	private final String type;

	private final Supplier<EventStore> eventStore;

	private final int capacity;

	private final Map<Object, Entry> entries;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder outdated = new LongAdder();

	/**
	 * @param type the aggregate type, for metrics
	 * @param eventStore where the last sequence number of an aggregate is looked up (the
	 * store's repositories are built with this cache, so it is asked for on first use)
	 * @param capacity the most aggregates kept; 0 keeps none
	 */
	public RecentAggregates(String type, Supplier<EventStore> eventStore, int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative: " + capacity);
		}
		this.type = type;
		this.eventStore = eventStore;
		this.capacity = capacity;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
				return size() > RecentAggregates.this.capacity;
			}
		};
	}

	private record Entry(Object value, long version) {
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> V get(K key) {
		Entry entry = entryOf(key);
		if (entry == null) {
			misses.increment();
			return null;
		}
		if (!eventStore.get().lastSequenceNumberFor(key.toString()).equals(Optional.of(entry.version()))) {
			remove(key);
			outdated.increment();
			return null;
		}
		hits.increment();
		return (V) entry.value();
	}

	@Override
	public void put(Object key, Object value) {
		Long version = versionOf(value);
		synchronized (entries) {
			if (version == null || capacity == 0) {
				entries.remove(key);
			}
			else {
				entries.put(key, new Entry(value, version));
			}
		}
	}

	@Override
	public boolean putIfAbsent(Object key, Object value) {
		synchronized (entries) {
			if (entries.containsKey(key)) {
				return false;
			}
			put(key, value);
			return entries.containsKey(key);
		}
	}

	@Override
	public boolean remove(Object key) {
		synchronized (entries) {
			return entries.remove(key) != null;
		}
	}

	@Override
	public void removeAll() {
		synchronized (entries) {
			entries.clear();
		}
	}

	@Override
	public boolean containsKey(Object key) {
		synchronized (entries) {
			return entries.containsKey(key);
		}
	}

	/** Nothing here tells listeners of its entries; no part of this app asks to. */
	@Override
	public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
		throw new UnsupportedOperationException("RecentAggregates has no entry listeners");
	}

	public String type() {
		return type;
	}

	public int size() {
		synchronized (entries) {
			return entries.size();
		}
	}

	/** Aggregates taken from here. */
	public long hits() {
		return hits.sum();
	}

	/** Aggregates asked for that were not here, and had to be loaded. */
	public long misses() {
		return misses.sum();
	}

	/**
	 * Aggregates that were here but older than the event store, and had to be loaded.
	 */
	public long outdated() {
		return outdated.sum();
	}

	private Entry entryOf(Object key) {
		synchronized (entries) {
			return entries.get(key);
		}
	}

	/**
	 * The version of the aggregate an entry holds: an entry made in this process hands
	 * back the very aggregate it was made from, so nothing is rebuilt.
	 */
	private static Long versionOf(Object value) {
		if (!(value instanceof AggregateCacheEntry<?> entry)) {
			throw new IllegalArgumentException("RecentAggregates keeps aggregates only, not " + value);
		}
		return entry.recreateAggregate(null, null, null, null).version();
	}

}

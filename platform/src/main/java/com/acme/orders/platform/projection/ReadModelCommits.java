package com.acme.orders.platform.projection;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tells readers in this process when a projection has committed writes under a key (an
 * order), so that a caller waiting to read its own write looks again at once rather than
 * at its next poll. Readers in other processes are not told and keep polling.
 */
public class ReadModelCommits {

	/** Each reader's own future, so that one reader giving up leaves the others told. */
	private final ConcurrentMap<Object, Set<CompletableFuture<Void>>> awaited = new ConcurrentHashMap<>();

	/**
	 * Completes at the next commit of writes under {@code key}. Ask before reading, so
	 * that a commit between the read and the wait is not missed.
	 */
	public CompletableFuture<Void> nextCommitOf(Object key) {
		CompletableFuture<Void> next = new CompletableFuture<>();
		// The map runs each key's changes one at a time, so the sets need no lock of
		// their own.
		awaited.compute(key, (k, readers) -> {
			Set<CompletableFuture<Void>> waiting = (readers != null) ? readers : new HashSet<>();
			waiting.add(next);
			return waiting;
		});
		return next;
	}

	/** The caller stopped waiting for {@code next}. */
	public void forget(Object key, CompletableFuture<Void> next) {
		awaited.computeIfPresent(key, (k, readers) -> {
			readers.remove(next);
			return readers.isEmpty() ? null : readers;
		});
	}

	/** Writes under {@code keys} are committed: their readers look again. */
	public void committed(Collection<?> keys) {
		for (Object key : keys) {
			Set<CompletableFuture<Void>> readers = awaited.remove(key);
			if (readers != null) {
				readers.forEach(reader -> reader.complete(null));
			}
		}
	}

	/** How many readers wait for a commit, of any key. */
	int waiting() {
		return awaited.values().stream().mapToInt(Set::size).sum();
	}

}

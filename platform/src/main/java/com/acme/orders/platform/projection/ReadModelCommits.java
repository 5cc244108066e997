package com.acme.orders.platform.projection;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tells readers in this process when a projection has committed writes under a key (an
 * order), so that a caller waiting to read its own write looks again at once rather than
 * at its next poll. Readers in other processes are not told and keep polling.
 */
public class ReadModelCommits {

	private final ConcurrentMap<Object, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

	/**
	 * Completes at the next commit of writes under {@code key}. Ask before reading, so
	 * that a commit between the read and the wait is not missed.
	 */
	public CompletableFuture<Void> nextCommitOf(Object key) {
		return awaited.computeIfAbsent(key, absent -> new CompletableFuture<>());
	}

	/**
	 * The caller stopped waiting for {@code next}. A reader that shared it and still
	 * waits falls back to its poll.
	 */
	public void forget(Object key, CompletableFuture<Void> next) {
		awaited.remove(key, next);
	}

	/** Writes under {@code keys} are committed: their readers look again. */
	public void committed(Collection<?> keys) {
		for (Object key : keys) {
			CompletableFuture<Void> next = awaited.remove(key);
			if (next != null) {
				next.complete(null);
			}
		}
	}

}

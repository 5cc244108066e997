package com.acme.orders.query.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.acme.orders.platform.projection.ReadModelCommits;
import com.acme.orders.query.OrderDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a caller that just changed an order read its own write: waits, within a bound,
 * until the read model shows the order at the version the command returned. Polls with a
 * short, growing pause, which works whether the projection runs in this process or
 * another; when it runs in this process, its commits of the order end the pause at once.
 */
@Component
class ReadYourWrites {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(2);

	private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

	private final Duration bound;

	private final ReadModelCommits commits;

	private final Duration firstPause;

	private final Duration longestPause;

	@Autowired
	ReadYourWrites(@Value("${orders.query.min-version-wait:2s}") Duration bound, ReadModelCommits commits) {
		this(bound, commits, FIRST_PAUSE, LONGEST_PAUSE);
	}

	ReadYourWrites(Duration bound, ReadModelCommits commits, Duration firstPause, Duration longestPause) {
		this.bound = bound;
		this.commits = commits;
		this.firstPause = firstPause;
		this.longestPause = longestPause;
	}

	Optional<OrderDetails> awaitVersion(UUID orderId, long minVersion, Supplier<Optional<OrderDetails>> find) {
		long deadline = System.nanoTime() + bound.toNanos();
		Duration pause = firstPause;
		while (true) {
			CompletableFuture<Void> nextCommit = commits.nextCommitOf(orderId);
			try {
				Optional<OrderDetails> order = find.get();
				if (order.isPresent() && order.get().version() >= minVersion) {
					return order;
				}
				if (System.nanoTime() - deadline >= 0) {
					throw new ReadModelBehind(orderId, minVersion, bound);
				}
				Duration left = Duration.ofNanos(deadline - System.nanoTime());
				await(nextCommit, (left.compareTo(pause) < 0) ? left : pause);
			}
			finally {
				commits.forget(orderId, nextCommit);
			}
			Duration doubled = pause.multipliedBy(2);
			pause = (doubled.compareTo(longestPause) < 0) ? doubled : longestPause;
		}
	}

	private static void await(CompletableFuture<Void> commit, Duration atMost) {
		try {
			commit.get(atMost.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// Time to look again: the projection may run in another process.
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the read model", ex);
		}
	}

}

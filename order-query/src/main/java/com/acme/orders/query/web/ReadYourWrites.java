package com.acme.orders.query.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.acme.orders.query.OrderDetails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a caller that just changed an order read its own write: waits, within a bound,
 * until the read model shows the order at the version the command returned. Polls with a
 * short, growing pause, which works whether the projection runs in this process or
 * another.
 */
@Component
class ReadYourWrites {

	private static final long FIRST_PAUSE_MILLIS = 2;

	private static final long LONGEST_PAUSE_MILLIS = 50;

	private final Duration bound;

	ReadYourWrites(@Value("${orders.query.min-version-wait:2s}") Duration bound) {
		this.bound = bound;
	}

	Optional<OrderDetails> awaitVersion(UUID orderId, long minVersion, Supplier<Optional<OrderDetails>> find) {
		long deadline = System.nanoTime() + bound.toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		while (true) {
			Optional<OrderDetails> order = find.get();
			if (order.isPresent() && order.get().version() >= minVersion) {
				return order;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new ReadModelBehind(orderId, minVersion, bound);
			}
			sleep(pause);
			pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the read model", ex);
		}
	}

}

package com.acme.orders.platform.ports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens after a run of consecutive failures and refuses calls for a while. Then it lets
 * calls through again: the first success closes it, the first failure opens it again.
 */
final class CircuitBreaker {

	private final int threshold;

	private final Duration openFor;

	private final Clock clock;

	private int consecutiveFailures;

	private Instant openUntil = Instant.MIN;

	CircuitBreaker(int threshold, Duration openFor, Clock clock) {
		this.threshold = threshold;
		this.openFor = openFor;
		this.clock = clock;
	}

	/**
	 * How long until an open circuit lets calls through again, at most {@code openFor}
	 * (should the clock be set back); zero if it allows calls now. The clock is read
	 * once.
	 */
	synchronized Duration untilTrial() {
		if (consecutiveFailures < threshold) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), openUntil);
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		return (left.compareTo(openFor) > 0) ? openFor : left;
	}

	synchronized void recordSuccess() {
		consecutiveFailures = 0;
	}

	synchronized void recordFailure() {
		consecutiveFailures++;
		if (consecutiveFailures >= threshold) {
			openUntil = clock.instant().plus(openFor);
		}
	}

}

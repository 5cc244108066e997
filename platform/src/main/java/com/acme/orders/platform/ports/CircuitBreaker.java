package com.acme.orders.platform.ports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens after a run of consecutive failures and refuses calls for a while; then lets one
 * call through, and closes again when it succeeds.
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

	synchronized boolean allowsCall() {
		return consecutiveFailures < threshold || !clock.instant().isBefore(openUntil);
	}

	/**
	 * How long until an open circuit lets a trial through; zero if it allows calls now.
	 */
	synchronized Duration untilTrial() {
		if (allowsCall()) {
			return Duration.ZERO;
		}
		return Duration.between(clock.instant(), openUntil);
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

package com.acme.orders.platform.axon;

import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost an optimistic-concurrency race (another writer
 * appended to the same aggregate first), a bounded number of times. Axon's default would
 * retry every failure that is not explicitly non-transient, including domain rejections.
 */
class ConcurrencyRetryScheduler extends IntervalRetryScheduler {

	ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, int intervalMillis) {
		super(IntervalRetryScheduler.builder()
			.retryExecutor(executor)
			.maxRetryCount(maxRetries)
			.retryInterval(intervalMillis));
	}

	@Override
	protected boolean isExplicitlyNonTransient(Throwable failure) {
		return !causedByConcurrency(failure);
	}

	static boolean causedByConcurrency(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConcurrencyException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}

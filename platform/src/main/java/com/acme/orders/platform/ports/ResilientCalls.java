package com.acme.orders.platform.ports;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an external system without ever blocking the caller: each attempt gets a hard
 * timeout, transient failures are retried with exponential backoff, and a circuit breaker
 * stops calling a system that keeps failing. An attempt that finds the circuit open waits
 * until the circuit lets calls through again, once: callers here are sagas, to whom
 * failing fast buys nothing, while a refund given up for an open circuit is money not
 * returned. The result is completed on {@code executor}, never on the external system's
 * own threads.
 */
public final class ResilientCalls implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ResilientCalls.class);

	private final String system;

	private final Settings settings;

	private final ScheduledExecutorService scheduler;

	private final Executor executor;

	private final CircuitBreaker breaker;

	public ResilientCalls(String system, Settings settings, ScheduledExecutorService scheduler, Executor executor,
			Clock clock) {
		this.system = system;
		this.settings = settings;
		this.scheduler = scheduler;
		this.executor = executor;
		this.breaker = new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpenFor(), clock);
	}

	/**
	 * Calls to {@code system} on threads of their own: a small scheduler for timeouts and
	 * backoff, and a pool that completes the results. {@link #close()} stops both.
	 */
	public static ResilientCalls create(String system, Settings settings, Clock clock) {
		return new ResilientCalls(system, settings,
				Executors.newScheduledThreadPool(1, DaemonThreads.named(system + "-timer")),
				Executors.newFixedThreadPool(4, DaemonThreads.named(system + "-results")), clock);
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
		if (executor instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

	/**
	 * Runs {@code attempt} until it succeeds, fails permanently or runs out of attempts.
	 * @param operation what is called, for logs
	 * @param attempt one call; must be idempotent, since it may run more than once
	 * @return the result, or the last failure
	 */
	public <T> CompletableFuture<T> call(String operation, Supplier<CompletableFuture<T>> attempt) {
		CompletableFuture<T> result = new CompletableFuture<>();
		attempt(operation, attempt, 1, false, result);
		return result.thenApplyAsync(value -> value, executor);
	}

	private <T> void attempt(String operation, Supplier<CompletableFuture<T>> attempt, int number,
			boolean waitedForCircuit, CompletableFuture<T> result) {
		Duration untilTrial = breaker.untilTrial();
		if (!untilTrial.isZero() && !waitedForCircuit) {
			log.info("{} {} attempt {} waits {} ms for the open circuit", system, operation, number,
					untilTrial.toMillis());
			// A millisecond more: the breaker's clock and the scheduler's timer round
			// apart.
			scheduler.schedule(() -> attempt(operation, attempt, number, true, result), untilTrial.toMillis() + 1,
					TimeUnit.MILLISECONDS);
			return;
		}
		if (!untilTrial.isZero()) {
			retryOrFail(operation, attempt, number, result, new PortUnavailable(system + " circuit is open"));
			return;
		}
		CompletableFuture<T> call;
		try {
			call = attempt.get();
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
			if (failure == null) {
				breaker.recordSuccess();
				result.complete(value);
				return;
			}
			Throwable cause = unwrap(failure);
			if (isTransient(cause)) {
				breaker.recordFailure();
				retryOrFail(operation, attempt, number, result, cause);
			}
			else {
				result.completeExceptionally(cause);
			}
		});
	}

	private <T> void retryOrFail(String operation, Supplier<CompletableFuture<T>> attempt, int number,
			CompletableFuture<T> result, Throwable cause) {
		if (number >= settings.maxAttempts()) {
			log.warn("{} {} failed after {} attempt(s): {}", system, operation, number, cause.toString());
			result.completeExceptionally(cause);
			return;
		}
		long backoff = settings.firstBackoff().toMillis() << (number - 1);
		log.info("{} {} attempt {} failed ({}); retrying in {} ms", system, operation, number, cause.toString(),
				backoff);
		scheduler.schedule(() -> attempt(operation, attempt, number + 1, false, result), backoff,
				TimeUnit.MILLISECONDS);
	}

	private static boolean isTransient(Throwable failure) {
		return failure instanceof TimeoutException || failure instanceof PortUnavailable;
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/**
	 * How hard to try.
	 *
	 * @param callTimeout how long one attempt may take
	 * @param maxAttempts attempts in all, the first included
	 * @param firstBackoff pause after the first failure; doubles after each further one
	 * @param breakerThreshold consecutive failures that open the circuit
	 * @param breakerOpenFor how long an open circuit refuses calls before letting one
	 * through
	 */
	public record Settings(Duration callTimeout, int maxAttempts, Duration firstBackoff, int breakerThreshold,
			Duration breakerOpenFor) {

		/**
		 * The longest a call can take before its outcome is known: every attempt may wait
		 * once for an open circuit and then time out, with backoff between attempts.
		 */
		public Duration worstCase() {
			return callTimeout.plus(breakerOpenFor)
				.multipliedBy(maxAttempts)
				.plus(firstBackoff.multipliedBy(1L << maxAttempts));
		}

	}

	/**
	 * The external system failed in a way that may go away: unreachable, overloaded, or
	 * refused by the breaker.
	 */
	public static class PortUnavailable extends RuntimeException {

		public PortUnavailable(String message) {
			super(message);
		}

	}

}

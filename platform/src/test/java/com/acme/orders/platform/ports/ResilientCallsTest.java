package com.acme.orders.platform.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientCallsTest {

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

	private final List<ResilientCalls> created = new ArrayList<>();

	@AfterEach
	void stop() {
		created.forEach(ResilientCalls::close);
		scheduler.shutdownNow();
	}

	@Test
	void aCallThatNeverAnswersTimesOutAndIsRetriedUpToTheLimit() {
		AtomicInteger attempts = new AtomicInteger();
		ResilientCalls calls = calls(3, 100);

		CompletableFuture<String> result = calls.call("authorize", () -> {
			attempts.incrementAndGet();
			return new CompletableFuture<>();
		});

		assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(TimeoutException.class);
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aTransientFailureIsRetriedUntilTheCallSucceeds() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		ResilientCalls calls = calls(3, 100);

		String result = calls.call("refund",
				() -> attempts.incrementAndGet() < 3
						? CompletableFuture.failedFuture(new ResilientCalls.PortUnavailable("overloaded"))
						: CompletableFuture.completedFuture("REFUND-1"))
			.get(5, TimeUnit.SECONDS);

		assertThat(result).isEqualTo("REFUND-1");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aPermanentFailureIsNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		ResilientCalls calls = calls(3, 100);

		CompletableFuture<String> result = calls.call("authorize", () -> {
			attempts.incrementAndGet();
			return CompletableFuture.failedFuture(new IllegalArgumentException("card number invalid"));
		});

		assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void anAttemptThatFindsTheCircuitOpenWaitsUntilItLetsCallsThroughAgain() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		ResilientCalls calls = calls(1, 2, Duration.ofMillis(500), Clock.systemUTC());
		openTheCircuit(calls, attempts);
		long opened = System.nanoTime();

		CompletableFuture<String> waiting = calls.call("refund", () -> {
			attempts.incrementAndGet();
			return CompletableFuture.completedFuture("REFUND-1");
		});

		Thread.sleep(100);
		assertThat(attempts).as("the open circuit did not call the system yet").hasValue(2);
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("REFUND-1");
		assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("waited for the circuit")
			.isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void aCircuitStillOpenAfterTheWaitFailsTheAttemptWithoutCallingTheSystem() {
		AtomicInteger attempts = new AtomicInteger();
		Clock stoppedClock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
		ResilientCalls calls = calls(1, 2, Duration.ofMillis(100), stoppedClock);
		openTheCircuit(calls, attempts);
		long opened = System.nanoTime();

		CompletableFuture<String> refused = calls.call("authorize", () -> {
			attempts.incrementAndGet();
			return CompletableFuture.completedFuture("never asked");
		});

		assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(ResilientCalls.PortUnavailable.class)
			.hasMessageContaining("circuit is open");
		assertThat(attempts).as("the open circuit did not call the system").hasValue(2);
		assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("failed only after waiting for the circuit")
			.isGreaterThanOrEqualTo(Duration.ofMillis(90));
	}

	@Test
	void theWorstCaseCoversAWaitForTheCircuitAndATimeoutInEveryAttempt() {
		ResilientCalls.Settings settings = new ResilientCalls.Settings(Duration.ofSeconds(1), 3, Duration.ofMillis(200),
				5, Duration.ofSeconds(10));

		assertThat(settings.worstCase()).isEqualTo(Duration.ofSeconds(3 * (1 + 10)).plusMillis(1_600));
	}

	@Test
	void callsRunConcurrentlyRatherThanOneAtATime() throws Exception {
		ResilientCalls calls = calls(1, 100);
		CompletableFuture<String> first = new CompletableFuture<>();
		CompletableFuture<String> second = new CompletableFuture<>();

		CompletableFuture<String> one = calls.call("authorize", () -> first);
		CompletableFuture<String> two = calls.call("authorize", () -> second);
		second.complete("B");

		assertThat(two.get(5, TimeUnit.SECONDS)).as("the second call did not wait for the first").isEqualTo("B");
		first.complete("A");
		assertThat(one.get(5, TimeUnit.SECONDS)).isEqualTo("A");
	}

	private ResilientCalls calls(int maxAttempts, int breakerThreshold) {
		return calls(maxAttempts, breakerThreshold, Duration.ofMinutes(1), Clock.systemUTC());
	}

	private ResilientCalls calls(int maxAttempts, int breakerThreshold, Duration breakerOpenFor, Clock clock) {
		ResilientCalls calls = new ResilientCalls("gateway", new ResilientCalls.Settings(Duration.ofMillis(200),
				maxAttempts, Duration.ofMillis(10), breakerThreshold, breakerOpenFor), scheduler,
				Executors.newCachedThreadPool(), clock);
		created.add(calls);
		return calls;
	}

	private static void openTheCircuit(ResilientCalls calls, AtomicInteger attempts) {
		for (int i = 0; i < 2; i++) {
			calls.call("authorize", () -> {
				attempts.incrementAndGet();
				return CompletableFuture.<String>failedFuture(new ResilientCalls.PortUnavailable("down"));
			}).exceptionally(failure -> null).join();
		}
	}

}

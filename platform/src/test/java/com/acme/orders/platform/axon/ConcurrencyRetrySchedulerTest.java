package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyRetrySchedulerTest {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(executor, 3, 1);

	@AfterEach
	void stop() {
		executor.shutdownNow();
	}

	@Test
	void aLostConcurrencyRaceIsRetriedABoundedNumberOfTimes() throws InterruptedException {
		AtomicInteger retries = new AtomicInteger();
		List<Class<? extends Throwable>[]> failures = new ArrayList<>();
		RuntimeException raceLost = new RuntimeException(new ConcurrencyException("sequence 3 taken"));
		while (true) {
			failures.add(chain(raceLost));
			if (!scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"), raceLost, failures,
					retries::incrementAndGet)) {
				break;
			}
		}
		executor.shutdown();
		executor.awaitTermination(5, TimeUnit.SECONDS);
		assertThat(retries).hasValue(3);
	}

	@Test
	void domainRejectionsAreNeverRetried() {
		IllegalStateException rejected = new IllegalStateException("order already shipped");
		boolean retried = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"), rejected,
				List.<Class<? extends Throwable>[]>of(chain(rejected)), () -> {
				});
		assertThat(retried).isFalse();
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Throwable>[] chain(Throwable failure) {
		List<Class<? extends Throwable>> classes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			classes.add(cause.getClass());
		}
		return classes.toArray(new Class[0]);
	}

}

package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Listeners hear of every fetch, no two tellings closer than the gap, a throwing listener
 * does not silence the others, and a removed one hears nothing more.
 */
class EventArrivalsTest {

	@Test
	void theFirstFetchIsToldAtOnceAndTheNextWaitsForTheGap() throws Exception {
		try (EventArrivals arrivals = new EventArrivals(Duration.ofSeconds(30))) {
			AtomicInteger told = new AtomicInteger();
			arrivals.add(told::incrementAndGet);

			arrivals.fetched();
			await().atMost(Duration.ofSeconds(5)).until(() -> told.get() == 1);
			arrivals.fetched();
			arrivals.fetched();
			Thread.sleep(300);

			assertThat(told).as("fetches within the gap are not told yet").hasValue(1);
		}
	}

	/**
	 * Counted rather than timed: a listener may note the time late (a loaded machine once
	 * took 40 ms), but tellings begin at least a gap apart, so a stream of fetches is
	 * told at most once per gap, and the fetches after a telling are told in the next
	 * one.
	 */
	@Test
	void aStreamOfFetchesIsToldAtMostOncePerGap() throws Exception {
		Duration gap = Duration.ofMillis(50);
		try (EventArrivals arrivals = new EventArrivals(gap)) {
			AtomicInteger told = new AtomicInteger();
			arrivals.add(told::incrementAndGet);

			long start = System.nanoTime();
			for (int fetch = 0; fetch < 500; fetch++) {
				arrivals.fetched();
				Thread.sleep(1);
			}
			await().atMost(Duration.ofSeconds(5)).pollDelay(gap.multipliedBy(2)).until(() -> told.get() > 1);
			long elapsed = System.nanoTime() - start;

			assertThat(told.get()).as("at most once per gap").isLessThanOrEqualTo((int) (elapsed / gap.toNanos()) + 2);
			assertThat(told.get()).as("fetches after a telling are told").isGreaterThan(1);
		}
	}

	@Test
	void aThrowingListenerDoesNotSilenceTheOthersAndARemovedOneHearsNothing() {
		try (EventArrivals arrivals = new EventArrivals(Duration.ofMillis(1))) {
			AtomicInteger heard = new AtomicInteger();
			AtomicInteger removedHeard = new AtomicInteger();
			Runnable removed = removedHeard::incrementAndGet;
			arrivals.add(() -> {
				throw new IllegalStateException("a broken processor");
			});
			arrivals.add(heard::incrementAndGet);
			arrivals.add(removed);
			arrivals.remove(removed);

			for (int i = 1; i <= 3; i++) {
				int told = i;
				arrivals.fetched();
				await().atMost(Duration.ofSeconds(5)).until(() -> heard.get() == told);
			}

			assertThat(removedHeard).hasValue(0);
		}
	}

}

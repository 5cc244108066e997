package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Listeners hear of every fetch, no two tellings closer than the gap, a throwing listener
 * does not silence the others, and a removed one hears nothing more.
 */
class EventArrivalsTest {

	@Test
	void listenersHearOfFetchesAtMostOncePerGap() throws Exception {
		Duration gap = Duration.ofMillis(200);
		try (EventArrivals arrivals = new EventArrivals(gap)) {
			List<Long> toldAt = new CopyOnWriteArrayList<>();
			arrivals.add(() -> toldAt.add(System.nanoTime()));

			long firstFetch = System.nanoTime();
			arrivals.fetched();
			await().atMost(Duration.ofSeconds(5)).until(() -> toldAt.size() == 1);
			arrivals.fetched();
			arrivals.fetched();
			await().atMost(Duration.ofSeconds(5)).until(() -> toldAt.size() == 2);
			Thread.sleep(gap.multipliedBy(2).toMillis());

			assertThat(toldAt).as("two fetches within the gap are told once").hasSize(2);
			assertThat(toldAt.get(0) - firstFetch).as("the first at once").isLessThan(gap.toNanos());
			// The gap runs from when the first telling began; each listener notes the
			// time a
			// little after its telling began, so the two notes may be a hair closer.
			assertThat(toldAt.get(1) - toldAt.get(0)).as("the next after the gap")
				.isGreaterThanOrEqualTo(gap.minusMillis(2).toNanos());
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

package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache under Axon's own caching repository, on an in-memory event store.
 */
class RecentAggregatesTest {

	private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	@AfterEach
	void stop() {
		eventStore.shutDown();
	}

	@Test
	void anAggregateIsTakenFromMemoryUntilAnotherWriterAppendsToIt() {
		RecentAggregates cache = keeping(10);
		Repository<Counter> counters = repositoryWith(cache);
		create(counters, "a");

		assertThat(count(counters, "a")).isEqualTo(2);
		assertThat(cache.hits()).isOne();

		inUnitOfWork(() -> eventStore.publish(new GenericDomainEventMessage<>("Counter", "a", 2, new Counted("a"))));
		assertThat(count(counters, "a")).as("the other writer's event counted").isEqualTo(4);
		assertThat(cache.outdated()).isOne();
		assertThat(cache.misses()).isZero();
	}

	@Test
	void theLeastRecentlyUsedAggregateMakesRoomFirst() {
		RecentAggregates cache = keeping(2);
		Repository<Counter> counters = repositoryWith(cache);
		create(counters, "a");
		create(counters, "b");
		count(counters, "a");

		create(counters, "c");

		assertThat(cache.containsKey("a")).isTrue();
		assertThat(cache.containsKey("b")).isFalse();
		assertThat(cache.containsKey("c")).isTrue();
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void aCapacityOfNoneKeepsNothingAndEveryCommandLoads() {
		RecentAggregates cache = keeping(0);
		Repository<Counter> counters = repositoryWith(cache);
		create(counters, "a");

		assertThat(count(counters, "a")).isEqualTo(2);
		assertThat(cache.size()).isZero();
		assertThat(cache.misses()).isOne();
		assertThat(cache.hits()).isZero();
	}

	@Test
	void aFailedCommandLeavesItsAggregateOutOfMemory() {
		RecentAggregates cache = keeping(10);
		Repository<Counter> counters = repositoryWith(cache);
		create(counters, "a");

		assertThatThrownBy(() -> inUnitOfWork(() -> {
			counters.load("a").execute(counter -> apply(new Counted("a")));
			throw new IllegalStateException("rejected after applying");
		})).hasMessage("rejected after applying");

		assertThat(cache.containsKey("a")).isFalse();
		assertThat(count(counters, "a")).as("the rejected event never counted").isEqualTo(2);
	}

	/**
	 * A cache of at most {@code capacity} counters, checked against this test's store.
	 */
	private RecentAggregates keeping(int capacity) {
		return new RecentAggregates("counter", () -> eventStore, capacity);
	}

	private Repository<Counter> repositoryWith(RecentAggregates cache) {
		return EventSourcingRepository.builder(Counter.class).eventStore(eventStore).cache(cache).build();
	}

	private static void create(Repository<Counter> counters, String id) {
		inUnitOfWork(() -> {
			try {
				counters.newInstance(() -> new Counter(id));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static int count(Repository<Counter> counters, String id) {
		int[] count = new int[1];
		inUnitOfWork(() -> counters.load(id).execute(counter -> {
			apply(new Counted(id));
			count[0] = counter.count;
		}));
		return count[0];
	}

	private static void inUnitOfWork(Runnable work) {
		DefaultUnitOfWork.startAndGet(null).execute(work);
	}

	record Counted(String id) {
	}

	static class Counter {

		@AggregateIdentifier
		private String id;

		private int count;

		Counter() {
		}

		Counter(String id) {
			apply(new Counted(id));
		}

		@EventSourcingHandler
		void on(Counted event) {
			id = event.id();
			count++;
		}

	}

}

package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reader thread of the embedded store, woken by this process's commits: at once after
 * a quiet spell, and once for a run of commits close together. Its own polling is set to
 * a minute, so only the wake-ups make it read.
 */
class PacedEmbeddedEventStoreTest {

	private static final Duration GAP = Duration.ofMillis(300);

	private final CountingStorageEngine storage = new CountingStorageEngine();

	private final PacedEmbeddedEventStore store = new PacedEmbeddedEventStore(
			EmbeddedEventStore.builder().storageEngine(storage).fetchDelay(60_000), GAP);

	@AfterEach
	void stop() {
		store.shutDown();
	}

	@Test
	void aCommitAfterAQuietSpellIsReadAtOnceAndCommitsCloseTogetherInOneRead() throws Exception {
		try (BlockingStream<TrackedEventMessage<?>> stream = tailingStream()) {
			Thread.sleep(GAP.multipliedBy(2).toMillis());
			int readsBefore = storage.reads.get();

			long committed = System.nanoTime();
			commit("first after a quiet spell");
			assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
			assertThat(System.nanoTime() - committed).as("read at once, not a gap later").isLessThan(GAP.toNanos());
			assertThat(stream.nextAvailable().getPayload()).isEqualTo("first after a quiet spell");

			for (int i = 0; i < 20; i++) {
				commit("close behind " + i);
				Thread.sleep(5);
			}
			for (int i = 0; i < 20; i++) {
				assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
				assertThat(stream.nextAvailable().getPayload()).isEqualTo("close behind " + i);
			}

			// Each wake-up reads until a read finds nothing: two reads. Woken by each of
			// the
			// 21 commits, 5 ms apart, the thread would read 42 times.
			assertThat(storage.reads.get() - readsBefore).as("21 commits, woken twice").isLessThanOrEqualTo(6);
		}
	}

	/**
	 * A stream that has caught up with the store and reads from the reader thread's
	 * cache.
	 */
	private BlockingStream<TrackedEventMessage<?>> tailingStream() throws InterruptedException {
		commit("before the stream");
		BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
		assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
		stream.nextAvailable();
		stream.hasNextAvailable((int) GAP.toMillis(), TimeUnit.MILLISECONDS);
		return stream;
	}

	private void commit(String payload) {
		DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
	}

	/** Counts the reads of the reader thread, the only reads that may block. */
	private static final class CountingStorageEngine extends InMemoryEventStorageEngine {

		private final AtomicInteger reads = new AtomicInteger();

		@Override
		public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
			if (mayBlock) {
				reads.incrementAndGet();
			}
			return super.readEvents(trackingToken, mayBlock);
		}

	}

}

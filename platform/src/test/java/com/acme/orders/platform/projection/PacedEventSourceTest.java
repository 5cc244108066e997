package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processor reading Axon's event store through this source gets at most the lead ahead
 * of what it has handled, is told to go on once its handling catches up, and otherwise
 * reads the store as it is.
 */
class PacedEventSourceTest {

	private static final int EVENTS = 10;

	private static final long LEAD = 3;

	private final EmbeddedEventStore store = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	/** The position every segment has handled, as the processor would report it. */
	private final AtomicLong handled = new AtomicLong(PacedEventSource.UNKNOWN);

	private final PacedEventSource source = new PacedEventSource(store, LEAD, handled::get);

	private final AtomicInteger resumed = new AtomicInteger();

	private BlockingStream<TrackedEventMessage<?>> stream;

	@BeforeEach
	void storeHoldsEvents() {
		for (int i = 0; i < EVENTS; i++) {
			store.publish(GenericEventMessage.asEventMessage("event " + i));
		}
		stream = source.openStream(null);
		stream.setOnAvailableCallback(resumed::incrementAndGet);
	}

	@AfterEach
	void closeStore() {
		stream.close();
		store.shutDown();
	}

	@Test
	void holdsBackOnceTheLeadIsReachedAndGoesOnWhenTheHandlingCatchesUp() throws Exception {
		handled.set(0);
		List<Object> read = readWhileAvailable();

		assertThat(read).as("positions 0 to 3: three ahead of position 0").hasSize(4);
		source.batchHandled();
		assertThat(resumed).as("nothing handled since: still held back").hasValue(0);

		handled.set(3);
		source.batchHandled();
		assertThat(resumed).hasValue(1);
		read.addAll(readWhileAvailable());

		assertThat(read).as("up to position 6").hasSize(7).startsWith("event 0").endsWith("event 6");
	}

	@Test
	void readsEverythingWhileTheHandlingKeepsUp() throws Exception {
		List<Object> read = new ArrayList<>();
		while (stream.hasNextAvailable()) {
			TrackedEventMessage<?> event = stream.nextAvailable();
			read.add(event.getPayload());
			handled.set(event.trackingToken().position().orElseThrow());
		}

		assertThat(read).hasSize(EVENTS);
		source.batchHandled();
		assertThat(resumed).as("never held back, so never resumed").hasValue(0);
	}

	@Test
	void aHandledPositionAheadOfTheStreamIsAskedAgainWithinTheLead() throws Exception {
		handled.set(EVENTS);
		// It asks before position 3, and hears of a position ahead of it.
		for (int i = 0; i < 4; i++) {
			assertThat(stream.hasNextAvailable()).isTrue();
			stream.nextAvailable();
		}
		// A segment claimed since reports its own, lower position.
		handled.set(0);

		assertThat(readWhileAvailable()).as("asked again at position 5, a lead after 2, and held back")
			.containsExactly("event 4", "event 5");
	}

	@Test
	void whileTheProcessorCannotSayWhatItHandledTheStoreIsReadAsItIs() throws Exception {
		assertThat(readWhileAvailable()).hasSize(EVENTS);
	}

	@Test
	void aClosedStreamIsNotResumed() throws Exception {
		handled.set(0);
		readWhileAvailable();
		stream.close();

		handled.set(EVENTS);
		source.batchHandled();

		assertThat(resumed).hasValue(0);
	}

	private List<Object> readWhileAvailable() throws InterruptedException {
		List<Object> payloads = new ArrayList<>();
		while (stream.hasNextAvailable()) {
			payloads.add(stream.nextAvailable().getPayload());
		}
		return payloads;
	}

}

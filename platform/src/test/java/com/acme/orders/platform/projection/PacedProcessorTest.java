package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.orders.platform.axon.EventArrivals;
import com.acme.orders.platform.axon.PromptEventSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Axon's pooled processor, two segments, reading through a {@link PacedEventSource} with
 * a lead of two batches, as the projections do: it handles every event once, and goes on
 * after each hold because its workers say so. The store's own prompts are an hour apart
 * here, so a resume that did not come from the workers would stall it for the
 * coordinator's five seconds each time.
 */
class PacedProcessorTest {

	private static final int EVENTS = 3_000;

	private static final int BATCH = 10;

	private final EmbeddedEventStore store = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	private final PromptEventSource prompted = new PromptEventSource(store, Duration.ofHours(1),
			new EventArrivals(Duration.ofMillis(5)));

	private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();

	private final Set<String> handled = ConcurrentHashMap.newKeySet();

	private final AtomicLong handledTwice = new AtomicLong();

	private PooledStreamingEventProcessor processor;

	private ScheduledExecutorService workers;

	@AfterEach
	void stop() {
		if (processor != null) {
			processor.shutDown();
		}
		coordinator.shutdownNow();
		if (workers != null) {
			workers.shutdownNow();
		}
		prompted.close();
		store.shutDown();
	}

	@Test
	void handlesEveryEventOnceAndGoesOnAfterEveryHold() {
		for (int i = 0; i < EVENTS; i++) {
			store.publish(GenericEventMessage.asEventMessage("event " + i));
		}
		AtomicReference<PooledStreamingEventProcessor> built = new AtomicReference<>();
		PacedEventSource paced = new PacedEventSource(prompted, 2L * BATCH,
				() -> PacedEventSource.handledUpTo(built.get()));
		workers = paced.workers(2, Executors.defaultThreadFactory());
		processor = PooledStreamingEventProcessor.builder()
			.name("paced")
			.eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Recorder()).build())
			.rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
			.errorHandler(PropagatingErrorHandler.instance())
			.messageSource(paced)
			.tokenStore(new InMemoryTokenStore())
			.transactionManager(NoTransactionManager.INSTANCE)
			.coordinatorExecutor(coordinator)
			.workerExecutor(workers)
			.initialSegmentCount(2)
			.batchSize(BATCH)
			.build();
		built.set(processor);

		processor.start();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(PacedEventSource.handledUpTo(processor)).as("both segments at the last position")
						.isEqualTo(EVENTS - 1));
		assertThat(handled).hasSize(EVENTS);
		assertThat(handledTwice).hasValue(0);
	}

	private final class Recorder {

		@EventHandler
		void on(String payload, @MessageIdentifier String eventId) {
			if (!handled.add(eventId)) {
				handledTwice.incrementAndGet();
			}
		}

	}

}

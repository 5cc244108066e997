package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slot's processor handles events without correlation data (a projection sends nothing
 * it would go into) and with every other interceptor it is given.
 */
class SlotProcessorTest {

	private final EmbeddedEventStore store = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();

	private final ScheduledExecutorService workers = Executors.newSingleThreadScheduledExecutor();

	private final Map<String, MetaData> correlationDataSeen = new ConcurrentHashMap<>();

	private final AtomicInteger intercepted = new AtomicInteger();

	private SlotProcessor processor;

	@AfterEach
	void stop() {
		processor.shutDown();
		coordinator.shutdownNow();
		workers.shutdownNow();
		store.shutDown();
	}

	@Test
	void handlesEventsWithoutCorrelationDataAndWithEveryOtherInterceptor() {
		processor = new SlotProcessor(PooledStreamingEventProcessor.builder()
			.name("slot-processor-test")
			.eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(this).build())
			.messageSource(store)
			.tokenStore(new InMemoryTokenStore())
			.transactionManager(NoTransactionManager.instance())
			.coordinatorExecutor(coordinator)
			.workerExecutor(workers)
			.initialSegmentCount(1), () -> true);
		processor.registerHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(new MessageOriginProvider())));
		processor.registerHandlerInterceptor((unitOfWork, chain) -> {
			intercepted.incrementAndGet();
			return chain.proceed();
		});
		processor.start();

		store.publish(GenericEventMessage.asEventMessage("placed").andMetaData(Map.of("correlationId", "order-1")));

		await().atMost(Duration.ofSeconds(10)).until(() -> correlationDataSeen.containsKey("placed"));
		assertThat(correlationDataSeen.get("placed")).isEmpty();
		assertThat(intercepted).hasValue(1);
	}

	@EventHandler
	void on(String event) {
		correlationDataSeen.put(event, CurrentUnitOfWork.get().getCorrelationData());
	}

}

package com.acme.orders.platform.projection;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.EventProcessorSpanFactory;

/**
 * Registers both slots of every rebuildable projection with Axon: each slot's own handler
 * instances (each event in a savepoint), in a processing group named after the slot with
 * its own dead-letter queue, handled by a {@link SlotProcessor} that starts only when its
 * slot is in use.
 */
class RebuildableProjectionsModule implements ConfigurerModule {

	/**
	 * How far a processor reads ahead of its slowest segment, in batches: with two, each
	 * of two segments found about one batch waiting and the two took turns waiting for
	 * the other; with four, replays ran 15 % faster; with eight, slower again, as the
	 * coordinator counts longer queues ({@link PacedEventSource}).
	 */
	private static final long BATCHES_READ_AHEAD = 4;

	private final Collection<RebuildableProjection> projections;

	private final ProjectionSlots slots;

	private final DeadLetterQueues deadLetters;

	private final DataSource dataSource;

	private final BatchedWrites writes;

	/** Looked up when the processors are built: the source needs the event store. */
	private final Supplier<? extends StreamableMessageSource<TrackedEventMessage<?>>> events;

	RebuildableProjectionsModule(Collection<RebuildableProjection> projections, ProjectionSlots slots,
			DeadLetterQueues deadLetters, DataSource dataSource, BatchedWrites writes,
			Supplier<? extends StreamableMessageSource<TrackedEventMessage<?>>> events) {
		this.projections = projections;
		this.slots = slots;
		this.deadLetters = deadLetters;
		this.dataSource = dataSource;
		this.writes = writes;
		this.events = events;
	}

	@Override
	public void configureModule(Configurer configurer) {
		EventProcessingConfigurer processing = configurer.eventProcessing();
		for (RebuildableProjection projection : projections) {
			for (ReadModelSlot slot : ReadModelSlot.values()) {
				register(processing, projection, slot);
			}
		}
	}

	private void register(EventProcessingConfigurer processing, RebuildableProjection projection, ReadModelSlot slot) {
		String name = projection.processorName(slot);
		for (Object handler : projection.eventHandlers().apply(slot)) {
			processing
				.registerEventHandler(
						configuration -> new SavepointEventHandler(
								new AnnotationEventHandlerAdapter(handler, configuration.parameterResolverFactory(),
										configuration.handlerDefinition(handler.getClass())),
								dataSource, writes, name));
		}
		processing
			.assignHandlerInstancesMatching(name,
					handler -> handler instanceof SavepointEventHandler slotHandler
							&& slotHandler.processorName().equals(name))
			.registerSequencingPolicy(name, configuration -> projection.sequencing())
			.registerDeadLetterQueue(name, configuration -> deadLetters.queueFor(name))
			.registerDeadLetteringEventHandlerInvokerConfiguration(name,
					(configuration, invoker) -> invoker.enqueuePolicy(DeadLetterQueues.countingAttempts())
						// Without it, a replay would leave the slot's old dead letters
						// behind.
						.allowReset(true)
						// A claimed segment's letters are only enqueued here, so an empty
						// queue need not be asked about every event.
						.enableSequenceIdentifierCache())
			.registerEventProcessor(name, (processorName, configuration, invoker) -> processor(projection,
					processorName, configuration, invoker, events.get(), () -> slots.inUse(projection.name(), slot)));
	}

	private static EventProcessor processor(RebuildableProjection projection, String name, Configuration configuration,
			EventHandlerInvoker invoker, StreamableMessageSource<TrackedEventMessage<?>> events,
			BooleanSupplier startsWithApplication) {
		EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
		RebuildableProjection.ProcessorSettings settings = projection.processor();
		ScheduledExecutorService coordinator = Executors
			.newSingleThreadScheduledExecutor(new AxonThreadFactory("Coordinator[" + name + "]"));
		AtomicReference<SlotProcessor> built = new AtomicReference<>();
		PacedEventSource paced = new PacedEventSource(events, BATCHES_READ_AHEAD * settings.batchSize(),
				() -> PacedEventSource.handledUpTo(built.get()));
		ScheduledExecutorService workers = paced.workers(settings.threads(),
				new AxonThreadFactory("WorkPackage[" + name + "]"));
		configuration.onShutdown(coordinator::shutdown);
		configuration.onShutdown(workers::shutdown);
		PooledStreamingEventProcessor.Builder builder = PooledStreamingEventProcessor.builder()
			.name(name)
			.eventHandlerInvoker(invoker)
			.rollbackConfiguration(processing.rollbackConfiguration(name))
			.errorHandler(processing.errorHandler(name))
			.messageMonitor(processing.messageMonitor(PooledStreamingEventProcessor.class, name))
			.messageSource(paced)
			.tokenStore(processing.tokenStore(name))
			.transactionManager(processing.transactionManager(name))
			.coordinatorExecutor(coordinator)
			.workerExecutor(workers)
			.initialSegmentCount(settings.segments())
			.batchSize(settings.batchSize())
			.initialToken(StreamableMessageSource::createTailToken)
			.spanFactory(configuration.getComponent(EventProcessorSpanFactory.class));
		SlotProcessor processor = new SlotProcessor(builder, startsWithApplication);
		built.set(processor);
		return processor;
	}

}

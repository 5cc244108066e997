package com.acme.orders.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code orders.event-store.gaps}, per streaming processor: how many global indexes its
 * tokens still wait for, because a transaction took them and has not committed yet (or
 * rolled back, until the gap timeout). A gap held for long points at a long transaction.
 */
class EventStoreGapMetrics implements ApplicationListener<ApplicationReadyEvent> {

	private final EventProcessingConfiguration processing;

	private final ObjectProvider<MeterRegistry> registry;

	EventStoreGapMetrics(EventProcessingConfiguration processing, ObjectProvider<MeterRegistry> registry) {
		this.processing = processing;
		this.registry = registry;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		registry.ifAvailable(meters -> processing.eventProcessors().forEach((name, processor) -> {
			if (processor instanceof StreamingEventProcessor streaming) {
				Gauge.builder("orders.event-store.gaps", streaming, EventStoreGapMetrics::gapsHeld)
					.tag("processor", name)
					.description("Global indexes the processor's tokens wait for")
					.register(meters);
			}
		}));
	}

	static int gapsHeld(StreamingEventProcessor processor) {
		return processor.processingStatus()
			.values()
			.stream()
			.map(EventTrackerStatus::getTrackingToken)
			.map(WrappedToken::unwrapLowerBound)
			.mapToInt(EventStoreGapMetrics::gaps)
			.sum();
	}

	private static int gaps(TrackingToken token) {
		return (token instanceof GapAwareTrackingToken gapAware) ? gapAware.getGaps().size() : 0;
	}

}

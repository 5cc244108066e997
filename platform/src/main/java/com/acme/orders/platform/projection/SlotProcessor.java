package com.acme.orders.platform.projection;

import java.util.function.BooleanSupplier;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Phase;

/**
 * The pooled streaming processor of one slot. Axon starts every processor it knows at
 * start-up; this one starts only if its slot answers queries or is being rebuilt, so an
 * idle slot never writes its tables.
 */
class SlotProcessor extends PooledStreamingEventProcessor {

	private final BooleanSupplier startsWithApplication;

	SlotProcessor(PooledStreamingEventProcessor.Builder builder, BooleanSupplier startsWithApplication) {
		super(builder);
		this.startsWithApplication = startsWithApplication;
	}

	@Override
	public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
		lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, () -> {
			if (startsWithApplication.getAsBoolean()) {
				start();
			}
		});
		lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutdownAsync);
	}

}

package com.acme.orders.platform.projection;

import java.util.function.BooleanSupplier;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;

/**
 * The pooled streaming processor of one slot. Axon starts every processor it knows at
 * start-up; this one starts only if its slot answers queries or is being rebuilt, so an
 * idle slot never writes its tables.
 * <p>
 * It takes every handler interceptor but Axon's correlation data: a projection sends no
 * messages, and with it every event handled would have its metadata read and copied into
 * the result Axon makes of each event's handling, which nobody reads.
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

	@Override
	public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
		if (interceptor instanceof CorrelationDataInterceptor) {
			return () -> false;
		}
		return super.registerHandlerInterceptor(interceptor);
	}

}

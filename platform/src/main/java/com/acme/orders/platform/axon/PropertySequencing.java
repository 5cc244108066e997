package com.acme.orders.platform.axon;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Handles events that name the same value of a record component (such as {@code orderId})
 * one after another, even when they come from different aggregates: a payment event and
 * an order event of one order are never handled in parallel or out of order. Events
 * without that component are sequenced per aggregate.
 */
public final class PropertySequencing implements SequencingPolicy<EventMessage<?>> {

	private final String component;

	private final Map<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();

	public PropertySequencing(String component) {
		this.component = component;
	}

	@Override
	public Object getSequenceIdentifierFor(EventMessage<?> event) {
		Object payload = event.getPayload();
		return accessors.computeIfAbsent(event.getPayloadType(), this::accessor)
			.map(accessor -> invoke(accessor, payload))
			.orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
	}

	private Optional<Method> accessor(Class<?> type) {
		if (!type.isRecord()) {
			return Optional.empty();
		}
		for (var recordComponent : type.getRecordComponents()) {
			if (recordComponent.getName().equals(component)) {
				return Optional.of(recordComponent.getAccessor());
			}
		}
		return Optional.empty();
	}

	private static Object invoke(Method accessor, Object payload) {
		try {
			return String.valueOf(accessor.invoke(payload));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + accessor + " for sequencing", ex);
		}
	}

}

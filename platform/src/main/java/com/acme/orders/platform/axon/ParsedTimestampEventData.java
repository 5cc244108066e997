package com.acme.orders.platform.axon;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

/**
 * An event as read from the store, with its timestamp parsed once, as it was read
 * ({@link StoredTimestamps}); Axon's entry would parse its text again each time.
 */
record ParsedTimestampEventData<T>(DomainEventData<T> stored, Instant timestamp) implements DomainEventData<T> {

	@Override
	public Instant getTimestamp() {
		return timestamp;
	}

	@Override
	public String getEventIdentifier() {
		return stored.getEventIdentifier();
	}

	@Override
	public SerializedObject<T> getMetaData() {
		return stored.getMetaData();
	}

	@Override
	public SerializedObject<T> getPayload() {
		return stored.getPayload();
	}

	@Override
	public String getType() {
		return stored.getType();
	}

	@Override
	public String getAggregateIdentifier() {
		return stored.getAggregateIdentifier();
	}

	@Override
	public long getSequenceNumber() {
		return stored.getSequenceNumber();
	}

}

package com.acme.orders.platform.axon;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Gives every message produced while handling another one our correlation, causation and
 * principal metadata. Axon's own {@code MessageOriginProvider} would store the parent's
 * id as {@code correlationId}; that is the causation.
 */
class CorrelationAndCausation implements CorrelationDataProvider {

	@Override
	public Map<String, ?> correlationDataFor(Message<?> message) {
		Map<String, Object> data = new HashMap<>();
		data.put(MessageMetadata.CAUSATION_ID, message.getIdentifier());
		data.put(MessageMetadata.CORRELATION_ID,
				message.getMetaData().getOrDefault(MessageMetadata.CORRELATION_ID, message.getIdentifier()));
		Object principal = message.getMetaData().get(MessageMetadata.PRINCIPAL);
		if (principal != null) {
			data.put(MessageMetadata.PRINCIPAL, principal);
		}
		return data;
	}

}

package com.acme.orders.platform.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps each command sent from a request with the request's correlation id and the
 * authenticated principal, so that the events it causes can be traced back to who asked
 * and in which request.
 */
class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

	@Override
	public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
			List<? extends CommandMessage<?>> messages) {
		return (index, command) -> {
			Map<String, Object> metadata = new HashMap<>();
			String correlationId = MDC.get(MessageMetadata.CORRELATION_ID);
			if (correlationId != null && !command.getMetaData().containsKey(MessageMetadata.CORRELATION_ID)) {
				metadata.put(MessageMetadata.CORRELATION_ID, correlationId);
			}
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && !command.getMetaData().containsKey(MessageMetadata.PRINCIPAL)) {
				metadata.put(MessageMetadata.PRINCIPAL, authentication.getName());
			}
			return metadata.isEmpty() ? command : command.andMetaData(metadata);
		};
	}

}

package com.acme.orders.platform.idempotency;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Gives the command sent while handling a request with an {@code Idempotency-Key} that
 * key, so that its handler interceptor records the answer.
 */
class IdempotentRequestDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

	@Override
	public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
			List<? extends CommandMessage<?>> messages) {
		return (index, command) -> {
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			Object idempotent = (request != null)
					? request.getAttribute(IdempotencyKeyFilter.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
					: null;
			return (idempotent instanceof IdempotentRequest key) ? command.andMetaData(key.toMetaData()) : command;
		};
	}

}

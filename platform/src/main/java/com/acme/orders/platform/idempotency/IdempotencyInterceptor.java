package com.acme.orders.platform.idempotency;

import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs inside the command's unit of work and so inside its database transaction: takes
 * the key's lock, answers an earlier answer again instead of handling the command twice,
 * and records the answer together with the command's events. A command that fails records
 * nothing, so its key stays free.
 */
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

	private final IdempotencyKeys keys;

	private final List<CommandResponses> responses;

	IdempotencyInterceptor(IdempotencyKeys keys, List<CommandResponses> responses) {
		this.keys = keys;
		this.responses = responses;
	}

	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
			throws Exception {
		CommandMessage<?> command = unitOfWork.getMessage();
		Optional<IdempotentRequest> idempotent = IdempotentRequest.from(command.getMetaData());
		if (idempotent.isEmpty()) {
			return interceptorChain.proceed();
		}
		IdempotentRequest request = idempotent.get();
		if (!keys.tryLock(request)) {
			throw new IdempotencyKeyInFlight();
		}
		Optional<RecordedResponse> earlier = keys.find(request.scope(), request.key());
		if (earlier.isPresent()) {
			throw earlier.get().answers(request) ? new IdempotentReplay(earlier.get()) : new IdempotencyKeyReused();
		}
		Object result = interceptorChain.proceed();
		keys.record(request, render(command.getPayload(), result));
		return result;
	}

	private CommandResponse render(Object command, Object result) {
		return responses.stream()
			.flatMap(candidate -> candidate.render(command, result).stream())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No CommandResponses bean answers " + command.getClass().getSimpleName() + " over HTTP"));
	}

}

package com.acme.orders.platform.idempotency;

import java.util.Optional;

/**
 * How a service answers its commands over HTTP. Controllers build their answers with it,
 * and the idempotency interceptor records the same answer in the command's transaction.
 */
public interface CommandResponses {

	/**
	 * The answer to {@code command}, which its handler accepted with {@code result};
	 * empty if this service does not answer that command over HTTP.
	 */
	Optional<CommandResponse> render(Object command, Object result);

}

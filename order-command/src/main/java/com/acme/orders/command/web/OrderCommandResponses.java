package com.acme.orders.command.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.acme.orders.command.CancelOrder;
import com.acme.orders.command.ChangeShippingAddress;
import com.acme.orders.command.PlaceOrder;
import com.acme.orders.platform.idempotency.CommandResponse;
import com.acme.orders.platform.idempotency.CommandResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The answers to order commands: the version the order reached, as body and {@code ETag};
 * a new order's address in {@code Location}.
 */
@Component
class OrderCommandResponses implements CommandResponses {

	/** A new order starts at version 1. */
	private static final long FIRST_VERSION = 1;

	@Override
	public Optional<CommandResponse> render(Object command, Object result) {
		if (command instanceof PlaceOrder place) {
			return Optional.of(placed(place.orderId()));
		}
		if (command instanceof ChangeShippingAddress change) {
			return Optional.of(changed(200, change.orderId(), (Long) result));
		}
		if (command instanceof CancelOrder cancel) {
			return Optional.of(changed(202, cancel.orderId(), (Long) result));
		}
		return Optional.empty();
	}

	CommandResponse answer(Object command, Object result) {
		return render(command, result).orElseThrow();
	}

	private static CommandResponse placed(UUID orderId) {
		return new CommandResponse(201,
				Map.of(HttpHeaders.LOCATION, "/api/orders/" + orderId, HttpHeaders.ETAG, etag(FIRST_VERSION)),
				new OrderVersionResponse(orderId, FIRST_VERSION));
	}

	private static CommandResponse changed(int status, UUID orderId, long version) {
		return new CommandResponse(status, Map.of(HttpHeaders.ETAG, etag(version)),
				new OrderVersionResponse(orderId, version));
	}

	private static String etag(long version) {
		return "\"" + version + "\"";
	}

}

package com.acme.orders.command.web;

import java.util.UUID;

import jakarta.validation.Valid;

import com.acme.orders.command.CancelOrder;
import com.acme.orders.command.ChangeShippingAddress;
import com.acme.orders.command.OrderIdGenerator;
import com.acme.orders.platform.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order commands over HTTP. Each answer carries the version the order reached, as body
 * and {@code ETag} ({@link OrderCommandResponses}); with an {@code Idempotency-Key}, a
 * retry gets the same answer.
 */
@RestController
@RequestMapping("/api/orders")
class OrderCommandController {

	private final CommandGateway commands;

	private final OrderIdGenerator orderIds;

	private final OrderCommandResponses responses;

	OrderCommandController(CommandGateway commands, OrderIdGenerator orderIds, OrderCommandResponses responses) {
		this.commands = commands;
		this.orderIds = orderIds;
		this.responses = responses;
	}

	@PostMapping
	ResponseEntity<Object> place(@Valid @RequestBody PlaceOrderRequest request, Caller caller) {
		return send(request.toCommand(orderIds.next(), caller.name()));
	}

	@PutMapping("/{orderId}/shipping-address")
	ResponseEntity<Object> changeShippingAddress(@PathVariable UUID orderId, @Valid @RequestBody AddressRequest address,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return send(new ChangeShippingAddress(orderId, address.toAddress(), caller, IfMatch.expectedVersion(ifMatch)));
	}

	@PostMapping("/{orderId}/cancel")
	ResponseEntity<Object> cancel(@PathVariable UUID orderId,
			@Valid @RequestBody(required = false) CancelOrderRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		String reason = (request != null) ? request.reason() : null;
		return send(new CancelOrder(orderId, reason, caller, IfMatch.expectedVersion(ifMatch)));
	}

	private ResponseEntity<Object> send(Object command) {
		Object result = commands.sendAndWait(command);
		return responses.answer(command, result).toEntity();
	}

}

package com.acme.orders.command.web;

import java.net.URI;
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
 * and {@code ETag}.
 */
@RestController
@RequestMapping("/api/orders")
class OrderCommandController {

	private final CommandGateway commands;

	private final OrderIdGenerator orderIds;

	OrderCommandController(CommandGateway commands, OrderIdGenerator orderIds) {
		this.commands = commands;
		this.orderIds = orderIds;
	}

	@PostMapping
	ResponseEntity<OrderVersionResponse> place(@Valid @RequestBody PlaceOrderRequest request, Caller caller) {
		UUID orderId = orderIds.next();
		commands.sendAndWait(request.toCommand(orderId, caller.name()));
		return ResponseEntity.created(URI.create("/api/orders/" + orderId))
			.eTag(etag(1))
			.body(new OrderVersionResponse(orderId, 1));
	}

	@PutMapping("/{orderId}/shipping-address")
	ResponseEntity<OrderVersionResponse> changeShippingAddress(@PathVariable UUID orderId,
			@Valid @RequestBody AddressRequest address,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		long version = commands.sendAndWait(
				new ChangeShippingAddress(orderId, address.toAddress(), caller, IfMatch.expectedVersion(ifMatch)));
		return ResponseEntity.ok().eTag(etag(version)).body(new OrderVersionResponse(orderId, version));
	}

	@PostMapping("/{orderId}/cancel")
	ResponseEntity<OrderVersionResponse> cancel(@PathVariable UUID orderId,
			@Valid @RequestBody(required = false) CancelOrderRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		String reason = (request != null) ? request.reason() : null;
		long version = commands.sendAndWait(new CancelOrder(orderId, reason, caller, IfMatch.expectedVersion(ifMatch)));
		return ResponseEntity.accepted().eTag(etag(version)).body(new OrderVersionResponse(orderId, version));
	}

	private static String etag(long version) {
		return "\"" + version + "\"";
	}

}

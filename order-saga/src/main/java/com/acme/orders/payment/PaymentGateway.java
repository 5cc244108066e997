package com.acme.orders.payment;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.acme.orders.events.Money;

/**
 * The port to whatever moves money. Calls are asynchronous and idempotent: the same
 * idempotency key always means the same authorization or refund, however often it is
 * sent.
 */
public interface PaymentGateway {

	CompletableFuture<AuthorizationResult> authorize(UUID idempotencyKey, Money amount);

	/** Gives back the whole authorized amount; completes with the refund's id. */
	CompletableFuture<String> refund(UUID idempotencyKey, String authorizationId, Money amount);

	/** What the gateway answered to an authorization. */
	sealed interface AuthorizationResult {

	}

	record Authorized(String authorizationId) implements AuthorizationResult {
	}

	record Declined(String reason) implements AuthorizationResult {
	}

}

package com.acme.orders.platform.idempotency;

/** The first request with this key is still being handled. */
class IdempotencyKeyInFlight extends RuntimeException {

	IdempotencyKeyInFlight() {
		super("A request with this Idempotency-Key is still in flight");
	}

}

package com.acme.orders.platform.idempotency;

/** The key was used before for a request with another body. */
class IdempotencyKeyReused extends RuntimeException {

	IdempotencyKeyReused() {
		super("This Idempotency-Key was used for another request");
	}

}

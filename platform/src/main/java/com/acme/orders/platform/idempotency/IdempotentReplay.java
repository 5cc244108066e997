package com.acme.orders.platform.idempotency;

/**
 * The same request was answered while this one waited to be handled: it gets that answer
 * and the command is not applied again. Thrown inside the unit of work, so nothing it did
 * is kept.
 */
class IdempotentReplay extends RuntimeException {

	private final transient RecordedResponse recorded;

	IdempotentReplay(RecordedResponse recorded) {
		super("Answered before", null, false, false);
		this.recorded = recorded;
	}

	RecordedResponse recorded() {
		return recorded;
	}

}

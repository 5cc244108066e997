package com.acme.orders.query.web;

import java.time.Duration;
import java.util.UUID;

/**
 * The read model did not reach the version the caller asked for within the wait bound.
 */
class ReadModelBehind extends RuntimeException {

	ReadModelBehind(UUID orderId, long minVersion, Duration waited) {
		super("Order " + orderId + " has not reached version " + minVersion + " in the read model after " + waited);
	}

}

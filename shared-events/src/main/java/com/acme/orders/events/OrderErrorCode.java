package com.acme.orders.events;

/**
 * Why the order context rejected a request. Each code has a stable problem type in the
 * API.
 */
public enum OrderErrorCode {

	INVALID_ORDER, ORDER_NOT_FOUND, ORDER_ALREADY_SHIPPED, ORDER_ALREADY_CANCELLED, VERSION_MISMATCH,
	CONCURRENT_MODIFICATION

}

package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.events.OrderErrorCode;

/**
 * The caller's {@code If-Match} names a version the order is no longer (or not yet) at.
 */
public class OrderVersionMismatch extends OrderException {

	private final long actualVersion;

	public OrderVersionMismatch(UUID orderId, long expectedVersion, long actualVersion) {
		super(OrderErrorCode.VERSION_MISMATCH,
				"Order " + orderId + " is at version " + actualVersion + ", not " + expectedVersion);
		this.actualVersion = actualVersion;
	}

	public long actualVersion() {
		return actualVersion;
	}

}

package com.acme.orders.payment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An order has one payment, whose id follows from the order's: a redelivered request
 * finds the same payment.
 */
public final class PaymentIds {

	private PaymentIds() {
	}

	public static UUID forOrder(UUID orderId) {
		return UUID.nameUUIDFromBytes(("payment:" + orderId).getBytes(StandardCharsets.UTF_8));
	}

}

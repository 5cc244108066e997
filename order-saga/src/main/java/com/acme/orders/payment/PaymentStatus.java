package com.acme.orders.payment;

/**
 * Where a payment stands.
 */
enum PaymentStatus {

	PENDING, AUTHORIZED, DECLINED, TIMED_OUT, REFUNDED, REFUND_FAILED

}

package com.acme.orders.payment;

import java.util.UUID;

/**
 * Payloads of the payment saga's deadlines. A deadline handler's first parameter is its
 * payload, so each deadline carries one, which also makes it readable in the
 * {@code scheduled_tasks} table.
 */
final class PaymentDeadlines {

	private PaymentDeadlines() {
	}

	/** The gateway had {@code orders.payment.timeout} to answer. */
	record PaymentTimeout(UUID paymentId) {
	}

	/** No answer to the authorization can arrive any more, even a late one. */
	record LastGatewayAnswer(UUID paymentId) {
	}

	/** A refund's outcome should have been recorded by now. */
	record RefundAnswer(UUID paymentId) {
	}

}

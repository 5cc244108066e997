package com.acme.orders.events.payment;

/**
 * Why the payment context gave money back.
 */
public enum RefundReason {

	/** The customer cancelled a paid order and the shipment was stopped. */
	CUSTOMER_CANCELLED,

	/** The shipment failed, before or after dispatch. */
	SHIPMENT_FAILED,

	/**
	 * The authorization arrived after the order was already cancelled (late answer, or
	 * cancelled before payment).
	 */
	ORDER_ALREADY_CANCELLED

}

package com.acme.orders.events.order;

/**
 * Why an order ended cancelled.
 */
public enum CancellationReason {

	CUSTOMER_REQUEST, PAYMENT_DECLINED, PAYMENT_TIMEOUT, SHIPMENT_FAILED

}

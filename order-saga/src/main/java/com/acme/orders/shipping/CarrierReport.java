package com.acme.orders.shipping;

import java.time.Instant;

/**
 * What a carrier reports about a shipment.
 *
 * @param type {@code DISPATCHED}, {@code DELIVERED} or {@code FAILED}
 * @param trackingNumber the carrier's tracking number; required with {@code DISPATCHED}
 * @param reason why a shipment failed; optional
 * @param occurredAt when it happened, by the carrier's clock
 */
public record CarrierReport(Type type, String trackingNumber, String reason, Instant occurredAt) {

	/** The kinds of report a carrier sends. */
	public enum Type {

		DISPATCHED, DELIVERED, FAILED

	}

}

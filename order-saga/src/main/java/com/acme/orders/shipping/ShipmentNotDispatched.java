package com.acme.orders.shipping;

import java.util.UUID;

/**
 * A carrier reported a delivery for a parcel it has not reported dispatched. Webhooks can
 * arrive out of order; refusing lets the carrier retry once the dispatch is in, instead
 * of the delivery being dropped and the order never finishing.
 */
public class ShipmentNotDispatched extends RuntimeException {

	public ShipmentNotDispatched(UUID shipmentId) {
		super("Shipment " + shipmentId + " has not been reported dispatched yet");
	}

}

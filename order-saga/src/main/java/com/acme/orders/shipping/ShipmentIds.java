package com.acme.orders.shipping;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An order has one shipment, whose id follows from the order's: a redelivered request
 * finds the same shipment.
 */
public final class ShipmentIds {

	private ShipmentIds() {
	}

	public static UUID forOrder(UUID orderId) {
		return UUID.nameUUIDFromBytes(("shipment:" + orderId).getBytes(StandardCharsets.UTF_8));
	}

}

package com.acme.orders.shipping;

/**
 * Where a shipment stands. Once {@code DISPATCHED}, the parcel has left and can no longer
 * be stopped or re-addressed.
 */
enum ShipmentStatus {

	REQUESTED, DISPATCHED, DELIVERED, FAILED, CANCELLED

}

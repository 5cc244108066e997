package com.acme.orders.query;

import java.util.UUID;

/**
 * How an order's shipment stands: {@code status} is null until a shipment is requested.
 */
public record ShipmentView(UUID shipmentId, String status, String trackingNumber) {
}

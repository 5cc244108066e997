package com.acme.orders.shipping;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.acme.orders.events.Address;

/**
 * The port to whoever carries parcels. We give the carrier our shipment id as its
 * reference; it reports progress back by webhook ({@code POST
 * /api/shipments/{shipmentId}/events}). Calls are asynchronous and idempotent.
 */
public interface Carrier {

	CompletableFuture<Void> createShipment(UUID reference, Address address);

	CompletableFuture<Void> changeAddress(UUID reference, Address address);

	CompletableFuture<Void> cancel(UUID reference);

}

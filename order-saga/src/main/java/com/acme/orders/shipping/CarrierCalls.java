package com.acme.orders.shipping;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.platform.axon.SystemCommands;
import com.acme.orders.platform.ports.ResilientCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Calls the carrier for the shipping saga without holding the saga's lock. A shipment the
 * carrier never accepted (it stayed unreachable through every retry) is recorded as
 * failed, which refunds the order.
 */
@Component
public class CarrierCalls {

	private static final Logger log = LoggerFactory.getLogger(CarrierCalls.class);

	private final Carrier carrier;

	private final ResilientCalls calls;

	private final ShippingCommands commands;

	private final Clock clock;

	CarrierCalls(Carrier carrier, ResilientCalls carrierResilience, ShippingCommands commands, Clock clock) {
		this.carrier = carrier;
		this.calls = carrierResilience;
		this.commands = commands;
		this.clock = clock;
	}

	void createShipment(UUID shipmentId, Address address) {
		Map<String, Object> conversation = SystemCommands.currentConversation();
		calls.call("create shipment", () -> carrier.createShipment(shipmentId, address))
			.whenComplete((done, failure) -> {
				if (failure != null) {
					commands.send(new RecordShipmentFailure(shipmentId, "carrier did not accept the shipment",
							clock.instant()), conversation);
				}
			});
	}

	void changeAddress(UUID shipmentId, Address address) {
		calls.call("change address", () -> carrier.changeAddress(shipmentId, address))
			.whenComplete((done, failure) -> logFailure("change the address of", shipmentId, failure));
	}

	void cancel(UUID shipmentId) {
		calls.call("cancel shipment", () -> carrier.cancel(shipmentId))
			.whenComplete((done, failure) -> logFailure("cancel", shipmentId, failure));
	}

	private static void logFailure(String operation, UUID shipmentId, Throwable failure) {
		if (failure != null) {
			log.error("The carrier could not {} shipment {}; tell the carrier by hand", operation, shipmentId, failure);
		}
	}

}

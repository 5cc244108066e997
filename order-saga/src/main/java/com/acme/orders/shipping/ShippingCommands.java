package com.acme.orders.shipping;

import com.acme.orders.platform.axon.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.stereotype.Component;

/**
 * Commands the shipping context sends to its own Shipment aggregate, as
 * {@code system:shipping}.
 */
@Component
public class ShippingCommands extends SystemCommands {

	ShippingCommands(CommandGateway commands) {
		super(commands, "system:shipping");
	}

}

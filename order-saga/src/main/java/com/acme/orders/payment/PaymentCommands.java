package com.acme.orders.payment;

import com.acme.orders.platform.axon.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.stereotype.Component;

/**
 * Commands the payment context sends to its own Payment aggregate, as
 * {@code system:payment}.
 */
@Component
public class PaymentCommands extends SystemCommands {

	PaymentCommands(CommandGateway commands) {
		super(commands, "system:payment");
	}

}

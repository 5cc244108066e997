package com.acme.orders.command.policy;

import com.acme.orders.platform.axon.SystemCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.springframework.stereotype.Component;

/**
 * Commands the order policy sends to the Order, as {@code system:order-policy}.
 */
@Component
class OrderPolicyCommands extends SystemCommands {

	OrderPolicyCommands(CommandGateway commands) {
		super(commands, "system:order-policy");
	}

}

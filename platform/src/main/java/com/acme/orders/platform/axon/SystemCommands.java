package com.acme.orders.platform.axon;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Sends the commands that a saga or policy issues on its own, in the name of a system
 * principal such as {@code system:payment}, and in the same conversation (correlation id)
 * as the event that caused them.
 */
public class SystemCommands {

	private final CommandGateway commands;

	private final String principal;

	public SystemCommands(CommandGateway commands, String principal) {
		this.commands = commands;
		this.principal = principal;
	}

	/**
	 * Sends and waits, so that a failure makes the handling event fail and be retried.
	 */
	public <R> R sendAndWait(Object command) {
		return commands.sendAndWait(message(command));
	}

	/**
	 * Sends without waiting; for callbacks of asynchronous port calls, outside any unit
	 * of work.
	 */
	public void send(Object command, Map<String, ?> conversation) {
		commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata(conversation)));
	}

	/**
	 * The correlation metadata of the message being handled, to hand to a later
	 * {@link #send}.
	 */
	public static Map<String, Object> currentConversation() {
		Map<String, Object> conversation = new HashMap<>();
		CurrentUnitOfWork.ifStarted(unitOfWork -> {
			Object correlationId = unitOfWork.getMessage().getMetaData().get(MessageMetadata.CORRELATION_ID);
			if (correlationId != null) {
				conversation.put(MessageMetadata.CORRELATION_ID, correlationId);
			}
			conversation.put(MessageMetadata.CAUSATION_ID, unitOfWork.getMessage().getIdentifier());
		});
		return conversation;
	}

	private CommandMessage<?> message(Object command) {
		return GenericCommandMessage.asCommandMessage(command).andMetaData(metadata(currentConversation()));
	}

	private Map<String, Object> metadata(Map<String, ?> conversation) {
		Map<String, Object> metadata = new HashMap<>(conversation);
		metadata.put(MessageMetadata.PRINCIPAL, principal);
		return metadata;
	}

}

package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CorrelationAndCausationTest {

	private final CorrelationAndCausation provider = new CorrelationAndCausation();

	@Test
	void messagesCausedByACommandKeepItsCorrelationAndPrincipalAndNameItAsCause() {
		var command = GenericCommandMessage.asCommandMessage("cancel")
			.andMetaData(MetaData.with("correlationId", "request-7").and("principal", "alice"));

		Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

		assertThat(data).containsEntry("correlationId", "request-7")
			.containsEntry("principal", "alice")
			.containsEntry("causationId", command.getIdentifier());
	}

	@Test
	void aMessageWithoutCorrelationStartsANewConversation() {
		var event = GenericCommandMessage.asCommandMessage("timer fired");

		Map<String, Object> data = Map.copyOf(provider.correlationDataFor(event));

		assertThat(data).containsEntry("correlationId", event.getIdentifier()).doesNotContainKey("principal");
	}

}

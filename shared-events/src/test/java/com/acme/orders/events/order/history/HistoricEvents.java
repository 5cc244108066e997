package com.acme.orders.events.order.history;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Raw stored events, as an older release wrote them, run through an upcaster.
 */
final class HistoricEvents {

	static final String STORED_AT = "2024-03-01T09:30:00Z";

	private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
		.objectMapper(new ObjectMapper())
		.build();

	private HistoricEvents() {
	}

	static List<IntermediateEventRepresentation> upcast(EventUpcaster upcaster, String payloadType, String revision,
			String json) {
		GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Order",
				"6f1c2d3e-0000-4000-8000-000000000001", 4, "event-1", STORED_AT, payloadType, revision,
				json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
		Stream<IntermediateEventRepresentation> in = Stream.of(new InitialEventRepresentation(stored, SERIALIZER));
		return upcaster.upcast(in).toList();
	}

	static JsonNode payload(IntermediateEventRepresentation representation) {
		return representation.getData(JsonNode.class).getData();
	}

}

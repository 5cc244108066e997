package com.acme.orders.events.order.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class OrderCreatedRenamedTest {

	@Test
	void orderCreatedIsReadAsOrderPlacedRevisionOneWithItsPayloadUnchanged() {
		String payload = "{\"orderId\":\"o-1\",\"items\":[],\"totalAmount\":0,\"currency\":\"EUR\",\"address\":\"x\"}";

		List<IntermediateEventRepresentation> result = HistoricEvents.upcast(new OrderCreatedRenamed(),
				OrderCreatedRenamed.OLD_TYPE, "1", payload);

		assertThat(result).singleElement().satisfies(event -> {
			assertThat(event.getType().getName()).isEqualTo("com.acme.orders.events.order.OrderPlaced");
			assertThat(event.getType().getRevision()).isEqualTo("1");
			assertThat(HistoricEvents.payload(event).path("orderId").asText()).isEqualTo("o-1");
		});
	}

}

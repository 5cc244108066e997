package com.acme.orders.events.order.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class OrderShippedAndDeliveredSplitTest {

	@Test
	void oneStoredEventBecomesShippedThenDeliveredEachMarkedWithItsPart() {
		String payload = """
				{"orderId":"o-1","trackingNumber":"1Z999","shippedAt":"2024-03-02T10:00:00Z",
				 "deliveredAt":"2024-03-04T16:00:00Z"}""";

		List<IntermediateEventRepresentation> result = HistoricEvents.upcast(new OrderShippedAndDeliveredSplit(),
				OrderShippedAndDeliveredSplit.OLD_TYPE, "1", payload);

		assertThat(result).hasSize(2);
		assertThat(result.get(0).getType().getName()).isEqualTo("com.acme.orders.events.order.OrderShipped");
		assertThat(HistoricEvents.payload(result.get(0)).path("trackingNumber").asText()).isEqualTo("1Z999");
		assertThat(HistoricEvents.payload(result.get(0)).path("shippedAt").asText()).isEqualTo("2024-03-02T10:00:00Z");
		assertThat(result.get(0).getMetaData().getObject().get(OrderShippedAndDeliveredSplit.PART)).isEqualTo(0);
		assertThat(result.get(1).getType().getName()).isEqualTo("com.acme.orders.events.order.OrderDelivered");
		assertThat(HistoricEvents.payload(result.get(1)).path("deliveredAt").asText())
			.isEqualTo("2024-03-04T16:00:00Z");
		assertThat(result.get(1).getMetaData().getObject().get(OrderShippedAndDeliveredSplit.PART)).isEqualTo(1);
		assertThat(result).extracting(IntermediateEventRepresentation::getSequenceNumber)
			.as("both keep the stored event's sequence number")
			.containsOnly(java.util.Optional.of(4L));
	}

}

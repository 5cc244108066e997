package com.acme.orders.events.order.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class OrderPlacedRevision1To2Test {

	private static final String REVISION_1 = """
			{"orderId":"6f1c2d3e-0000-4000-8000-000000000001","customerId":"alice",
			 "items":[{"productId":"BOOK-1984","qty":2,"price":12.5},{"productId":"PEN-1","qty":1,"price":3.99}],
			 "totalAmount":28.99,"currency":"EUR","address":"%s"}""";

	@Test
	void itemsBecomeLinesAndNumbersBecomeDecimalStrings() {
		JsonNode today = upcastWithAddress("Ada Lovelace, 1 Main St, N1 9GU London, GB");

		assertThat(today.path("lines").get(0).path("sku").asText()).isEqualTo("BOOK-1984");
		assertThat(today.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
		assertThat(today.path("lines").get(0).path("unitPrice").isTextual()).isTrue();
		assertThat(today.path("lines").get(0).path("unitPrice").asText()).isEqualTo("12.5");
		assertThat(today.path("lines").get(1).path("unitPrice").asText()).isEqualTo("3.99");
		assertThat(today.path("total").path("amount").asText()).isEqualTo("28.99");
		assertThat(today.path("total").path("currency").asText()).isEqualTo("EUR");
		assertThat(today.path("placedAt").asText()).as("revision 1 had none: the stored timestamp")
			.isEqualTo(HistoricEvents.STORED_AT);
		assertThat(today.has("items")).isFalse();
	}

	@Test
	void theOneLineAddressIsParsed() {
		JsonNode address = upcastWithAddress("Ada Lovelace, 1 Main St, N1 9GU London, GB").path("shippingAddress");

		assertThat(address.path("name").asText()).isEqualTo("Ada Lovelace");
		assertThat(address.path("street").asText()).isEqualTo("1 Main St");
		assertThat(address.path("postalCode").asText()).isEqualTo("N1 9GU");
		assertThat(address.path("city").asText()).isEqualTo("London");
		assertThat(address.path("country").asText()).isEqualTo("GB");
	}

	@Test
	void anAddressThatDoesNotParseIsKeptWholeInTheStreet() {
		JsonNode address = upcastWithAddress("somewhere behind the old mill").path("shippingAddress");

		assertThat(address.path("street").asText()).isEqualTo("somewhere behind the old mill");
		assertThat(address.path("name").asText()).isEmpty();
		assertThat(address.path("country").asText()).isEmpty();
	}

	@Test
	void revisionTwoIsLeftAlone() {
		List<IntermediateEventRepresentation> result = HistoricEvents.upcast(new OrderPlacedRevision1To2(),
				OrderPlacedRevision1To2.TYPE, "2", "{\"orderId\":\"x\"}");

		assertThat(result.get(0).getType().getRevision()).isEqualTo("2");
		assertThat(HistoricEvents.payload(result.get(0)).path("orderId").asText()).isEqualTo("x");
	}

	private static JsonNode upcastWithAddress(String address) {
		List<IntermediateEventRepresentation> result = HistoricEvents.upcast(new OrderPlacedRevision1To2(),
				OrderPlacedRevision1To2.TYPE, "1", REVISION_1.formatted(address));
		assertThat(result).hasSize(1);
		assertThat(result.get(0).getType().getRevision()).isEqualTo("2");
		return HistoricEvents.payload(result.get(0));
	}

}

package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventStoreJsonTest {

	private final ObjectMapper json = EventStoreJson.objectMapper();

	record Priced(BigDecimal amount, Instant at) {
	}

	@Test
	void amountsAreStringsThatKeepTheirScaleAndInstantsAreIso8601() throws Exception {
		String written = json
			.writeValueAsString(new Priced(new BigDecimal("25.00"), Instant.parse("2026-01-02T03:04:05Z")));

		assertThat(written).isEqualTo("{\"amount\":\"25.00\",\"at\":\"2026-01-02T03:04:05Z\"}");
		assertThat(json.readValue(written, Priced.class).amount()).isEqualTo(new BigDecimal("25.00"));
	}

	@Test
	void fieldsAddedByANewerReleaseAreIgnoredWhenReading() throws Exception {
		Priced read = json.readValue("{\"amount\":\"1.5\",\"at\":\"2026-01-02T03:04:05Z\",\"addedLater\":true}",
				Priced.class);

		assertThat(read.amount()).isEqualTo(new BigDecimal("1.5"));
	}

	@Test
	void historicNumericAmountsStillReadExactly() throws Exception {
		assertThat(json.readValue("{\"amount\":12.10,\"at\":\"2026-01-02T03:04:05Z\"}", Priced.class).amount())
			.isEqualTo(new BigDecimal("12.10"));
	}

}

package com.acme.orders.platform.axon;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON shape of everything Axon stores (events, snapshots, tokens, sagas). Pinned
 * here, before the first event is written, because changing it later would change how
 * stored history reads: instants are ISO-8601 strings, decimal amounts are strings that
 * keep their scale, and unknown properties are tolerated so that an older release can
 * read a newer event.
 */
public final class EventStoreJson {

	private EventStoreJson() {
	}

	public static ObjectMapper objectMapper() {
		JsonMapper mapper = JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();
		mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
		return mapper;
	}

}

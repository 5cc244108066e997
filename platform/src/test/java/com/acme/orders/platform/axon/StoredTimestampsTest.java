package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimestampsTest {

	@Test
	void readsEveryTimestampAxonWritesAsAxonReadsIt() {
		Random random = new Random(20261207);
		long first = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
		long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
		for (int i = 0; i < 100_000; i++) {
			Instant written = Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
			String stored = DateTimeUtils.formatInstant(written);

			assertThat(StoredTimestamps.parse(stored)).as(stored)
				.isEqualTo(written)
				.isEqualTo(DateTimeUtils.parseInstant(stored));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		assertThat(StoredTimestamps.parse(DateTimeUtils.formatInstant(now))).isEqualTo(now);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-07T01:40:00.390+01:00", "2026-12-07T00:40:00Z", "2026-12-07T00:40:00.123456789Z",
			"2026-12-07t00:40:00.390z", "+10000-01-01T00:00:00.000Z" })
	void leavesOtherShapesToAxon(String stored) {
		assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-12-07T24:00:00.000Z",
			"2026-12-07T00:40:00.39xZ", "2026-12-07 00:40:00.390Z" })
	void refusesWhatAxonRefuses(String stored) {
		assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeException.class);
		assertThatThrownBy(() -> StoredTimestamps.parse(stored)).isInstanceOf(DateTimeException.class);
	}

}

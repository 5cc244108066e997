package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ReplayProgressTest {

	private static final Instant STARTED = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void aRunningReplayReportsItsShareOfTheHeadItsRateAndWhenItShouldBeDone() {
		Replay replay = replay(1_000, 800);

		ReplayProgress progress = ReplayProgress.running(replay, 250L, false, STARTED.plusSeconds(10));

		assertThat(progress.progress()).isEqualTo(0.25);
		assertThat(progress.eventsPerSecond()).isEqualByComparingTo("20.0");
		assertThat(progress.estimatedCompletion()).isEqualTo(STARTED.plusSeconds(40));
	}

	@Test
	void withoutAPositionYetNothingIsEstimated() {
		ReplayProgress progress = ReplayProgress.running(replay(1_000, 800), null, false, STARTED.plusSeconds(1));

		assertThat(progress.progress()).isNull();
		assertThat(progress.eventsPerSecond()).isNull();
		assertThat(progress.estimatedCompletion()).isNull();
	}

	@Test
	void progressCountsFromTheTailSoAPrunedStoreDoesNotStartHalfDone() {
		Replay replay = new Replay(UUID.randomUUID(), "order-summary", ReadModelSlot.B, Replay.Status.REPLAYING, "ops",
				STARTED, 999, 1_999, 1_000, null, null, null);

		assertThat(ReplayProgress.running(replay, 1_249L, false, STARTED.plusSeconds(10)).progress()).isEqualTo(0.25);
	}

	@Test
	void anEmptyStoreIsReplayedAtOnce() {
		assertThat(ReplayProgress.running(replay(-1, 0), null, false, STARTED).progress()).isEqualTo(1.0);
	}

	@Test
	void aPositionPastTheHeadAtStartCountsAsAllOfIt() {
		assertThat(ReplayProgress.running(replay(1_000, 800), 1_200L, false, STARTED.plusSeconds(5)).progress())
			.isEqualTo(1.0);
	}

	@Test
	void theFinalRateIsTheEventsOverTheWallTime() {
		assertThat(ReplayLog.eventsPerSecond(1_000_000, Duration.ofSeconds(80)))
			.isEqualByComparingTo(new BigDecimal("12500.0"));
	}

	private static Replay replay(long head, long events) {
		return new Replay(UUID.randomUUID(), "order-summary", ReadModelSlot.B, Replay.Status.REPLAYING, "ops", STARTED,
				0, head, events, null, null, null);
	}

}

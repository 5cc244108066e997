package com.acme.orders.platform.projection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How far a replay has come. While it runs, the progress is the share of the stretch from
 * the store's tail to the head it had when the replay began that the new slot has gone
 * through; the estimate assumes the rate so far holds. Past the head, the new slot still
 * has to catch up with events stored since, which the estimate does not count.
 *
 * @param progress between 0 and 1; {@code null} while the new slot has no position yet
 * @param eventsPerSecond the rate so far, or the final rate once completed
 * @param estimatedCompletion when the replay should be done, while it runs
 * @param error whether the new slot's processor is failing and retrying
 */
public record ReplayProgress(UUID id, String projection, String slot, Replay.Status status, String requestedBy,
		Instant startedAt, Instant finishedAt, long headAtStart, long eventsAtStart, Long position, Double progress,
		BigDecimal eventsPerSecond, Instant estimatedCompletion, boolean error, String failure) {

	static ReplayProgress finished(Replay replay) {
		return new ReplayProgress(replay.id(), replay.projection(), replay.slot().suffix(), replay.status(),
				replay.requestedBy(), replay.startedAt(), replay.finishedAt(), replay.headAtStart(),
				replay.eventsAtStart(), null, (replay.status() == Replay.Status.COMPLETED) ? 1.0 : null,
				replay.eventsPerSecond(), null, false, replay.failure());
	}

	static ReplayProgress running(Replay replay, Long position, boolean error, Instant now) {
		Double progress = fraction(position, replay.tailAtStart(), replay.headAtStart());
		Duration elapsed = Duration.between(replay.startedAt(), now);
		BigDecimal rate = null;
		Instant completion = null;
		if (progress != null && progress > 0) {
			rate = ReplayLog.eventsPerSecond(Math.round(replay.eventsAtStart() * progress), elapsed);
			completion = now.plusMillis(Math.round(elapsed.toMillis() * (1 - progress) / progress));
		}
		return new ReplayProgress(replay.id(), replay.projection(), replay.slot().suffix(), replay.status(),
				replay.requestedBy(), replay.startedAt(), null, replay.headAtStart(), replay.eventsAtStart(), position,
				progress, rate, completion, error, null);
	}

	private static Double fraction(Long position, long tail, long head) {
		if (head <= tail) {
			return 1.0;
		}
		if (position == null) {
			return null;
		}
		return Math.min(1.0, Math.max(0, position - tail) / (double) (head - tail));
	}

}

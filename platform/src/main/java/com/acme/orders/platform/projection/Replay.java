package com.acme.orders.platform.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One rebuild of a projection into its idle slot, as recorded in
 * {@code projection_replay}.
 *
 * @param tailAtStart the position just before the oldest stored event, where the replay
 * starts
 * @param headAtStart the event store's head position when the replay began: the replay is
 * done once the new slot has passed it and caught up
 * @param eventsAtStart how many stored events the replay had to go through
 * @param eventsPerSecond {@code eventsAtStart} over the replay's wall time, once it is
 * done
 */
public record Replay(UUID id, String projection, ReadModelSlot slot, Status status, String requestedBy,
		Instant startedAt, long tailAtStart, long headAtStart, long eventsAtStart, Instant finishedAt,
		BigDecimal eventsPerSecond, String failure) {

	public boolean running() {
		return status == Status.REPLAYING;
	}

	public enum Status {

		REPLAYING, COMPLETED, FAILED

	}

}

package com.acme.orders.platform.projection;

import java.time.Instant;

/**
 * How a projection stands, as the admin API shows it.
 *
 * @param activeSlot the slot that answers queries
 * @param position the lowest position of the active slot's segments in this process, if
 * it runs them
 * @param head the position of the newest event in the store
 * @param lag how many positions the active slot is behind the head
 * @param progress while replaying, the share of the replay done (0 to 1); else null
 * @param estimatedCompletion while replaying, when the replay should be done; else null
 * @param replay the replay under way, or else the last one
 */
public record ProjectionStatus(String name, State state, String activeSlot, Long position, long head, Long lag,
		Double progress, Instant estimatedCompletion, ReplayProgress replay) {

	static ProjectionStatus of(String name, State state, String activeSlot, Long position, long head,
			ReplayProgress replay) {
		boolean replaying = replay != null && replay.status() == Replay.Status.REPLAYING;
		return new ProjectionStatus(name, state, activeSlot, position, head,
				(position == null) ? null : Math.max(0, head - position), replaying ? replay.progress() : null,
				replaying ? replay.estimatedCompletion() : null, replay);
	}

	public enum State {

		RUNNING, REPLAYING, STOPPED, ERROR

	}

}

package com.acme.orders.platform.projection;

/**
 * How a projection stands, as the admin API shows it.
 *
 * @param activeSlot the slot that answers queries
 * @param position the lowest position of the active slot's segments in this process, if
 * it runs them
 * @param head the position of the newest event in the store
 * @param lag how many positions the active slot is behind the head
 * @param replay the replay under way, or else the last one
 */
public record ProjectionStatus(String name, State state, String activeSlot, Long position, long head, Long lag,
		ReplayProgress replay) {

	public enum State {

		RUNNING, REPLAYING, STOPPED, ERROR

	}

}

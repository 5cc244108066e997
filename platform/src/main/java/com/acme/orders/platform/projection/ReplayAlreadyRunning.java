package com.acme.orders.platform.projection;

/**
 * A replay of the projection is already under way; a second one would fill the same slot.
 */
public class ReplayAlreadyRunning extends RuntimeException {

	public ReplayAlreadyRunning(String projection) {
		super("A replay of projection " + projection + " is already running");
	}

}

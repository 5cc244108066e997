package com.acme.orders.platform.projection;

/**
 * An event failed in a batch handled without savepoints: the batch must be rolled back
 * and handled again, this time with the event in a savepoint so that it alone can be
 * dead-lettered. Never parked itself.
 */
class RetryInSavepoints extends RuntimeException {

	RetryInSavepoints(String processorName, long position, Exception cause) {
		super("Processor " + processorName + " failed on the event at position " + position
				+ "; its batch is handled again with savepoints", cause);
	}

}

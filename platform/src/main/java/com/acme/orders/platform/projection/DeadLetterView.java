package com.acme.orders.platform.projection;

import java.time.Instant;

/**
 * One parked event, as the admin API shows it.
 *
 * @param sequence what the event's handling is sequenced by (for projections, the order
 * id): later events of the same sequence wait behind it
 * @param attempts how often handling it has failed
 */
public record DeadLetterView(String id, String processingGroup, String sequence, String eventType, String cause,
		int attempts, Instant firstFailure, Instant lastFailure) {
}

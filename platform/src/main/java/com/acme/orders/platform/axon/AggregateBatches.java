package com.acme.orders.platform.axon;

import java.util.List;
import java.util.function.Predicate;

import org.axonframework.eventhandling.DomainEventData;

/**
 * When a read of one aggregate's events may stop. Axon's JDBC store reads an aggregate a
 * range of sequence numbers at a time and, by default, reads again until a range comes
 * back empty, in case the aggregate's numbers have holes: every load of an aggregate paid
 * for one more query that found nothing. Here an aggregate's events are only ever
 * appended, each numbered one after the last, and never deleted, so a range that comes
 * back short holds the aggregate's last event.
 */
final class AggregateBatches {

	private AggregateBatches() {
	}

	static Predicate<List<? extends DomainEventData<?>>> lastWhenShorterThan(int batchSize) {
		return batch -> batch.size() < batchSize;
	}

}

package com.acme.orders.platform.projection;

import com.acme.orders.platform.postgres.DatabaseUnavailable;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.serialization.Serializer;

/**
 * Axon's sequenced dead-letter queue on PostgreSQL ({@code dead_letter_entry}, from
 * Flyway) for each slot processor: an event its handlers fail on is parked with the rest
 * of its order's events, and every other order flows on.
 */
class DeadLetterQueues {

	static final String ATTEMPTS = "attempts";

	private final ConnectionProvider connections;

	private final TransactionManager transactions;

	private final DeadLetterSchema schema;

	private final Serializer genericSerializer;

	private final Serializer eventSerializer;

	DeadLetterQueues(ConnectionProvider connections, TransactionManager transactions, DeadLetterSchema schema,
			Serializer genericSerializer, Serializer eventSerializer) {
		this.connections = connections;
		this.transactions = transactions;
		this.schema = schema;
		this.genericSerializer = genericSerializer;
		this.eventSerializer = eventSerializer;
	}

	JdbcSequencedDeadLetterQueue<EventMessage<?>> queueFor(String processingGroup) {
		return JdbcSequencedDeadLetterQueue.builder()
			.processingGroup(processingGroup)
			.connectionProvider(connections)
			.transactionManager(transactions)
			.schema(schema)
			.genericSerializer(genericSerializer)
			.eventSerializer(eventSerializer)
			.build();
	}

	/**
	 * Parks a failed event, counting in its diagnostics how often it failed; but a
	 * database that cannot be reached is not the event's fault: that failure goes on to
	 * the processor, which rolls the batch back and tries it again later. (Deciding not
	 * to enqueue would drop the event.) Nor is {@link RetryInSavepoints}: that batch is
	 * handled again, and only then is the failing event parked.
	 */
	static EnqueuePolicy<EventMessage<?>> countingAttempts() {
		return (letter, cause) -> {
			if (cause instanceof RetryInSavepoints retry) {
				throw retry;
			}
			if (DatabaseUnavailable.causedBy(cause)) {
				throw (cause instanceof RuntimeException unchecked) ? unchecked
						: new IllegalStateException("The database cannot be reached", cause);
			}
			return Decisions.enqueue(cause, failed -> failed.diagnostics().and(ATTEMPTS, attempts(failed) + 1));
		};
	}

	static int attempts(DeadLetter<?> letter) {
		Object attempts = letter.diagnostics().get(ATTEMPTS);
		return (attempts instanceof Number number) ? number.intValue() : 0;
	}

}

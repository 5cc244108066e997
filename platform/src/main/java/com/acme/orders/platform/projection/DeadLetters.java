package com.acme.orders.platform.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters of the slot processors: list them, retry one (with the rest of its
 * sequence, in order), or drop one.
 */
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final EventProcessingConfiguration processing;

	private final List<String> processingGroups;

	DeadLetters(EventProcessingConfiguration processing, Collection<RebuildableProjection> projections) {
		this.processing = processing;
		this.processingGroups = projections.stream()
			.flatMap(projection -> List.of(ReadModelSlot.values()).stream().map(projection::processorName))
			.toList();
	}

	public List<DeadLetterView> all() {
		List<DeadLetterView> views = new ArrayList<>();
		for (String group : processingGroups) {
			queue(group).ifPresent(queue -> queue.deadLetters()
				.forEach(sequence -> sequence.forEach(letter -> views.add(view(group, letter)))));
		}
		return views;
	}

	/**
	 * Handles the letter's sequence again, in order.
	 * @return empty if there is no such letter, else whether the retry succeeded (if not,
	 * the letters stay parked with one more attempt)
	 */
	public Optional<Boolean> retry(String id) {
		return find(id).map(found -> {
			boolean handled = processing.sequencedDeadLetterProcessor(found.group()).orElseThrow().process(withId(id));
			log.info("Retried dead letter {} of {}: {}", id, found.group(), handled ? "handled" : "failed again");
			return handled;
		});
	}

	/** Drops one parked event for good; later events of its sequence stay parked. */
	public boolean delete(String id) {
		Optional<Found> found = find(id);
		found.ifPresent(letter -> {
			queue(letter.group()).orElseThrow().evict(letter.letter());
			log.info("Deleted dead letter {} of {}", id, letter.group());
		});
		return found.isPresent();
	}

	private Optional<Found> find(String id) {
		for (String group : processingGroups) {
			Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(group);
			if (queue.isEmpty()) {
				continue;
			}
			for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
				for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
					if (withId(id).test(letter)) {
						return Optional.of(new Found(group, letter));
					}
				}
			}
		}
		return Optional.empty();
	}

	private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
		return processing.deadLetterQueue(group);
	}

	private static Predicate<DeadLetter<? extends EventMessage<?>>> withId(String id) {
		return letter -> letter instanceof JdbcDeadLetter<?> stored && stored.getIdentifier().equals(id);
	}

	private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
		JdbcDeadLetter<?> stored = (JdbcDeadLetter<?>) letter;
		return new DeadLetterView(stored.getIdentifier(), group, stored.getSequenceIdentifier(),
				letter.message().getPayloadType().getSimpleName(),
				letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
				DeadLetterQueues.attempts(letter), letter.enqueuedAt(), letter.lastTouched());
	}

	private record Found(String group, DeadLetter<? extends EventMessage<?>> letter) {
	}

}

package com.acme.orders.platform.projection;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Where a slot's processor stands in the event store, as far as this process runs it.
 */
final class SlotPositions {

	private static final long NOTHING_YET = -1;

	private SlotPositions() {
	}

	/**
	 * The lowest position over the segments, since the read model is complete only up to
	 * its slowest segment; empty if this process runs none of them.
	 */
	static Optional<Long> of(StreamingEventProcessor processor) {
		return bySegment(processor).values().stream().min(Long::compare);
	}

	/** Each segment's position, for the segments this process runs. */
	static Map<Integer, Long> bySegment(StreamingEventProcessor processor) {
		Map<Integer, Long> positions = new TreeMap<>();
		processor.processingStatus().forEach((segment, status) -> positions.put(segment, position(status)));
		return positions;
	}

	/**
	 * Whether a new slot looks ready to take over from the live one: every segment of the
	 * new slot has passed the head the store had when the replay began and is at least as
	 * far as the same segment of the live slot (or, when this process does not run the
	 * live slot, has caught up with the head).
	 */
	static boolean canTakeOver(StreamingEventProcessor next, StreamingEventProcessor live, int segments,
			long headAtStart) {
		Map<Integer, Long> nextPositions = bySegment(next);
		if (nextPositions.size() != segments
				|| nextPositions.values().stream().anyMatch(position -> position < headAtStart)
				|| next.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
			return false;
		}
		Map<Integer, Long> livePositions = bySegment(live);
		if (livePositions.isEmpty()) {
			return next.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
		}
		return livePositions.entrySet()
			.stream()
			.allMatch(segment -> nextPositions.getOrDefault(segment.getKey(), NOTHING_YET) >= segment.getValue());
	}

	/**
	 * Whether this process holds all segments and each is at {@code position} or past it.
	 */
	static boolean allAtLeast(StreamingEventProcessor processor, int segments, long position) {
		Map<Integer, Long> positions = bySegment(processor);
		return positions.size() == segments && positions.values().stream().allMatch(reached -> reached >= position);
	}

	private static long position(EventTrackerStatus status) {
		return status.getCurrentPosition().orElse(NOTHING_YET);
	}

}

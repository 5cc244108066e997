package com.acme.orders.platform.projection;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

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
	 * new slot has passed the head the store had when the replay began and its slowest
	 * segment is at least as far as the live slot's slowest (or, when this process does
	 * not run the live slot, has caught up with the head). The switch itself then waits
	 * for {@link #coversAll} with the live slot stopped.
	 */
	static boolean canTakeOver(StreamingEventProcessor next, StreamingEventProcessor live, int segments,
			long headAtStart) {
		Map<Integer, Long> nextPositions = bySegment(next);
		if (nextPositions.size() != segments
				|| nextPositions.values().stream().anyMatch(position -> position < headAtStart)
				|| next.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
			return false;
		}
		Optional<Long> livePosition = of(live);
		if (livePosition.isEmpty()) {
			return next.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
		}
		return of(next).orElse(NOTHING_YET) >= livePosition.get();
	}

	/**
	 * Whether this process holds all segments of {@code processor} and each has seen
	 * every event that any of {@code tokens} has seen, gaps included: a read model built
	 * that far holds everything the one built up to {@code tokens} holds.
	 */
	static boolean coversAll(StreamingEventProcessor processor, int segments, Collection<TrackingToken> tokens) {
		Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
		return statuses.size() == segments && statuses.stream()
			.allMatch(status -> tokens.stream().allMatch(token -> covers(status.getTrackingToken(), token)));
	}

	private static boolean covers(TrackingToken token, TrackingToken other) {
		TrackingToken seen = WrappedToken.unwrapLowerBound(other);
		if (seen == null) {
			return true;
		}
		TrackingToken reached = WrappedToken.unwrapLowerBound(token);
		return reached != null && reached.covers(seen);
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

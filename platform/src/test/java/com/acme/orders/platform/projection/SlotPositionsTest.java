package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class SlotPositionsTest {

	@Test
	void aNewSlotCoversTheLiveOneOnlyOnceEverySegmentHasSeenEverythingTheLiveOneSaw() {
		List<TrackingToken> liveStoppedAt = Arrays.asList(token(10), token(9), null);

		assertThat(SlotPositions.coversAll(processor(token(12), token(10)), 2, liveStoppedAt)).isTrue();
		assertThat(SlotPositions.coversAll(processor(token(12), token(9)), 2, liveStoppedAt))
			.as("one segment still behind")
			.isFalse();
		assertThat(SlotPositions.coversAll(processor(token(12, 10L), token(12)), 2, liveStoppedAt))
			.as("past the index, but the event at 10 is still a gap to it")
			.isFalse();
		assertThat(SlotPositions.coversAll(processor(token(12)), 2, liveStoppedAt)).as("a segment not running here")
			.isFalse();
	}

	@Test
	void tokensOfAReplayAreComparedByWhereTheReplayIs() {
		TrackingToken replaying = ReplayToken.createReplayToken(token(50), token(20));

		assertThat(SlotPositions.coversAll(processor(replaying), 1, List.of(token(20)))).isTrue();
		assertThat(SlotPositions.coversAll(processor(replaying), 1, List.of(token(21)))).isFalse();
		assertThat(SlotPositions.coversAll(processor(token(21)), 1, List.of(replaying))).isTrue();
	}

	@Test
	void aSlotTakesOverOnlyPastTheHeadAtStartAndAsFarAsTheLiveSlot() {
		StreamingEventProcessor live = processor(token(30), token(32));

		assertThat(SlotPositions.canTakeOver(processor(token(31), token(30)), live, 2, 25)).isTrue();
		assertThat(SlotPositions.canTakeOver(processor(token(29), token(40)), live, 2, 25)).isFalse();
		assertThat(SlotPositions.canTakeOver(processor(token(31), token(30)), live, 2, 31))
			.as("not yet past the head the store had when the replay began")
			.isFalse();
	}

	private static TrackingToken token(long index, Long... gaps) {
		return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
	}

	private static StreamingEventProcessor processor(TrackingToken... segments) {
		Map<Integer, EventTrackerStatus> statuses = new HashMap<>();
		for (int segment = 0; segment < segments.length; segment++) {
			EventTrackerStatus status = mock(EventTrackerStatus.class);
			TrackingToken token = segments[segment];
			given(status.getTrackingToken()).willReturn(token);
			given(status.getCurrentPosition()).willReturn(token.position());
			statuses.put(segment, status);
		}
		StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
		given(processor.processingStatus()).willReturn(statuses);
		return processor;
	}

}

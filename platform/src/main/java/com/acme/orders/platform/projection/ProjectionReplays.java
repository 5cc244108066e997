package com.acme.orders.platform.projection;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Rebuilds projections without read downtime, and tells how they stand. A replay empties
 * the idle slot, resets its processor to the start of the event store and starts it,
 * while the active slot keeps answering queries and following new events; the
 * {@link ReplayMonitor} switches slots once the new one has caught up.
 */
public class ProjectionReplays {

	private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

	private final SlotProcessors processors;

	private final ProjectionSlots slots;

	private final ReplayLog replays;

	private final EventStorePositions store;

	private final JdbcClient jdbc;

	private final TransactionOperations transaction;

	private final Clock clock;

	private final Object replayLock;

	private final DeferredIndexes indexes;

	ProjectionReplays(SlotProcessors processors, ProjectionSlots slots, ReplayLog replays, EventStorePositions store,
			JdbcClient jdbc, TransactionOperations transaction, Clock clock, Object replayLock,
			DeferredIndexes indexes) {
		this.processors = processors;
		this.indexes = indexes;
		this.slots = slots;
		this.replays = replays;
		this.store = store;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.replayLock = replayLock;
	}

	/**
	 * Starts rebuilding the projection into its idle slot.
	 * @throws UnknownProjection if no projection has that name
	 * @throws ReplayAlreadyRunning if the projection is being rebuilt already
	 */
	public Replay start(String name, String requestedBy) {
		synchronized (replayLock) {
			RebuildableProjection projection = processors.projection(name);
			if (replays.latest(name).filter(Replay::running).isPresent()) {
				throw new ReplayAlreadyRunning(name);
			}
			ReadModelSlot target = slots.active(name).other();
			SlotProcessor processor = processors.processor(projection, target);
			processor.shutDown();
			long tail = store.tail();
			long head = store.head();
			Replay replay = transaction.execute(status -> {
				Replay begun = replays.begin(name, target, requestedBy, clock.instant(), tail, head,
						store.eventsUpTo(head));
				jdbc.sql(projection.truncate(target)).update();
				indexes.drop(projection, target);
				processor.resetTokens(StreamableMessageSource::createTailToken);
				return begun;
			});
			processor.start();
			log.info("Replay {} of projection {} started by {}: slot {} is rebuilt from {} events up to position {}",
					replay.id(), name, requestedBy, target.suffix(), replay.eventsAtStart(), head);
			return replay;
		}
	}

	/**
	 * Gives up a running replay: its processor stops, its slot is emptied and it is
	 * marked failed, so a new one can start. The active slot is untouched.
	 */
	public Optional<ReplayProgress> cancel(String name, UUID replayId, String cancelledBy) {
		synchronized (replayLock) {
			RebuildableProjection projection = processors.projection(name);
			Optional<Replay> found = replays.find(name, replayId);
			found.filter(Replay::running).ifPresent(replay -> {
				processors.processor(projection, replay.slot()).shutDown();
				replays.fail(replay.id(), clock.instant(), "cancelled by " + cancelledBy);
				slots.empty(projection, replay.slot());
				indexes.restore(projection, replay.slot());
				log.info("Replay {} of projection {} cancelled by {}", replay.id(), name, cancelledBy);
			});
			return found.flatMap(replay -> replays.find(name, replay.id())).map(this::progress);
		}
	}

	public List<ProjectionStatus> statuses() {
		return processors.all().stream().map(projection -> status(projection.name())).toList();
	}

	public ProjectionStatus status(String name) {
		RebuildableProjection projection = processors.projection(name);
		ReadModelSlot active = slots.active(name);
		SlotProcessor live = processors.processor(projection, active);
		Optional<Replay> latest = replays.latest(name);
		long head = store.head();
		Long position = SlotPositions.of(live).orElse(null);
		return ProjectionStatus.of(name, state(live, latest), active.suffix(), position, head,
				latest.map(this::progress).orElse(null));
	}

	public Optional<ReplayProgress> replay(String name, UUID replayId) {
		processors.projection(name);
		return replays.find(name, replayId).map(this::progress);
	}

	private ProjectionStatus.State state(SlotProcessor live, Optional<Replay> latest) {
		if (latest.filter(Replay::running).isPresent()) {
			return ProjectionStatus.State.REPLAYING;
		}
		if (live.isError()) {
			return ProjectionStatus.State.ERROR;
		}
		return live.isRunning() ? ProjectionStatus.State.RUNNING : ProjectionStatus.State.STOPPED;
	}

	private ReplayProgress progress(Replay replay) {
		if (!replay.running()) {
			return ReplayProgress.finished(replay);
		}
		SlotProcessor processor = processors.processor(processors.projection(replay.projection()), replay.slot());
		return ReplayProgress.running(replay, SlotPositions.of(processor).orElse(null), processor.isError(),
				clock.instant());
	}

}

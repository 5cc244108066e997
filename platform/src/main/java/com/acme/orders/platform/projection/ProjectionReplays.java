package com.acme.orders.platform.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.acme.orders.platform.axon.AxonTableNames;
import com.acme.orders.platform.ports.DaemonThreads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Rebuilds projections without read downtime. A replay empties the idle slot, resets its
 * processor to the start of the event store and starts it, while the active slot keeps
 * answering queries and following new events. A monitor checks every
 * {@code checkInterval}; once the new slot has passed the head the store had when the
 * replay began and is as far as the live slot, the old slot's processor stops and one
 * transaction makes the new slot active and empties the old one.
 * <p>
 * The monitor also keeps this process's slot processors in line with the database, so a
 * replay finished by another process, or one left running by a crash, is picked up.
 */
public class ProjectionReplays implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

	private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);

	private final Map<String, RebuildableProjection> projections = new LinkedHashMap<>();

	private final EventProcessingConfiguration processing;

	private final EventStore eventStore;

	private final JdbcClient jdbc;

	private final TransactionOperations transaction;

	private final ProjectionSlots slots;

	private final ReplayLog replays;

	private final Clock clock;

	private final Duration checkInterval;

	private ScheduledExecutorService monitor;

	private Instant lastProgressLog = Instant.MIN;

	ProjectionReplays(Collection<RebuildableProjection> projections, EventProcessingConfiguration processing,
			EventStore eventStore, JdbcClient jdbc, TransactionOperations transaction, ProjectionSlots slots,
			ReplayLog replays, Clock clock, Duration checkInterval) {
		projections.forEach(projection -> this.projections.put(projection.name(), projection));
		this.processing = processing;
		this.eventStore = eventStore;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.slots = slots;
		this.replays = replays;
		this.clock = clock;
		this.checkInterval = checkInterval;
	}

	/**
	 * Starts rebuilding the projection into its idle slot.
	 * @throws UnknownProjection if no projection has that name
	 * @throws ReplayAlreadyRunning if the projection is being rebuilt already
	 */
	public synchronized Replay start(String name, String requestedBy) {
		RebuildableProjection projection = projection(name);
		if (replays.latest(name).filter(Replay::running).isPresent()) {
			throw new ReplayAlreadyRunning(name);
		}
		ReadModelSlot target = slots.active(name).other();
		SlotProcessor processor = processor(projection, target);
		processor.shutDown();
		long head = headPosition();
		Replay replay = transaction.execute(status -> {
			Replay begun = replays.begin(name, target, requestedBy, clock.instant(), head, eventsUpTo(head));
			jdbc.sql(projection.truncate(target)).update();
			processor.resetTokens(StreamableMessageSource::createTailToken);
			return begun;
		});
		processor.start();
		log.info("Replay {} of projection {} started by {}: slot {} is rebuilt from {} events up to position {}",
				replay.id(), name, requestedBy, target.suffix(), replay.eventsAtStart(), head);
		return replay;
	}

	public List<ProjectionStatus> statuses() {
		return projections.keySet().stream().map(this::status).toList();
	}

	public ProjectionStatus status(String name) {
		RebuildableProjection projection = projection(name);
		ReadModelSlot active = slots.active(name);
		SlotProcessor live = processor(projection, active);
		Optional<Replay> latest = replays.latest(name);
		Optional<ReplayProgress> replay = latest.map(this::progress);
		long head = headPosition();
		Long position = SlotPositions.of(live).orElse(null);
		return new ProjectionStatus(name, state(live, latest), active.suffix(), position, head,
				(position == null) ? null : Math.max(0, head - position), replay.orElse(null));
	}

	public Optional<ReplayProgress> replay(String name, UUID replayId) {
		projection(name);
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
		if (replay.status() != Replay.Status.REPLAYING) {
			return ReplayProgress.finished(replay);
		}
		SlotProcessor processor = processor(projection(replay.projection()), replay.slot());
		Long position = SlotPositions.of(processor).orElse(null);
		return ReplayProgress.running(replay, position, processor.isError(), clock.instant());
	}

	private synchronized void check() {
		try {
			for (Replay replay : replays.running()) {
				RebuildableProjection projection = projections.get(replay.projection());
				if (projection != null && caughtUp(projection, replay)) {
					finish(projection, replay);
				}
			}
			projections.values().forEach(this::keepProcessorsInLine);
		}
		catch (RuntimeException ex) {
			log.warn("Checking projection replays failed; trying again in {}", checkInterval, ex);
		}
	}

	private boolean caughtUp(RebuildableProjection projection, Replay replay) {
		SlotProcessor next = processor(projection, replay.slot());
		logProgress(replay, next);
		return SlotPositions.canTakeOver(next, processor(projection, replay.slot().other()),
				projection.processor().segments(), replay.headAtStart());
	}

	private void finish(RebuildableProjection projection, Replay replay) {
		processor(projection, replay.slot().other()).shutDown();
		Instant finishedAt = clock.instant();
		slots.switchTo(projection, replay.slot(), () -> replays.complete(replay, finishedAt));
		Duration took = Duration.between(replay.startedAt(), finishedAt);
		log.info("Replay {} of projection {} finished: {} events in {} s ({} events/s); slot {} answers queries now",
				replay.id(), replay.projection(), replay.eventsAtStart(), took.toMillis() / 1000.0,
				ReplayLog.eventsPerSecond(replay.eventsAtStart(), took), replay.slot().suffix());
	}

	/**
	 * Runs the processors of the active slot and of a slot being rebuilt, and stops the
	 * others.
	 */
	private void keepProcessorsInLine(RebuildableProjection projection) {
		for (ReadModelSlot slot : ReadModelSlot.values()) {
			SlotProcessor processor = processor(projection, slot);
			boolean inUse = slots.inUse(projection.name(), slot);
			if (inUse && !processor.isRunning()) {
				log.info("Starting processor {}: its slot is in use", processor.getName());
				processor.start();
			}
			else if (!inUse && processor.isRunning()) {
				log.info("Stopping processor {}: its slot is no longer in use", processor.getName());
				processor.shutDown();
			}
		}
	}

	private void logProgress(Replay replay, SlotProcessor processor) {
		Instant now = clock.instant();
		if (Duration.between(lastProgressLog, now).compareTo(PROGRESS_LOG_INTERVAL) < 0) {
			return;
		}
		ReplayProgress progress = ReplayProgress.running(replay, SlotPositions.of(processor).orElse(null),
				processor.isError(), now);
		if (progress.progress() == null) {
			return;
		}
		lastProgressLog = now;
		log.info("Replay {} of projection {}: position {} of {} ({}%), {} events/s, done around {}", replay.id(),
				replay.projection(), progress.position(), replay.headAtStart(), Math.round(progress.progress() * 100),
				progress.eventsPerSecond(), progress.estimatedCompletion());
	}

	boolean startsWithApplication(String projection, ReadModelSlot slot) {
		return slots.inUse(projection, slot);
	}

	private long headPosition() {
		TrackingToken head = eventStore.createHeadToken();
		return (head == null) ? -1 : head.position().orElse(-1);
	}

	private long eventsUpTo(long position) {
		String table = AxonTableNames.eventSchema().domainEventTable();
		String index = AxonTableNames.eventSchema().globalIndexColumn();
		return jdbc.sql("select count(*) from " + table + " where " + index + " <= ?")
			.param(position)
			.query(Long.class)
			.single();
	}

	private RebuildableProjection projection(String name) {
		RebuildableProjection projection = projections.get(name);
		if (projection == null) {
			throw new UnknownProjection(name);
		}
		return projection;
	}

	private SlotProcessor processor(RebuildableProjection projection, ReadModelSlot slot) {
		String name = projection.processorName(slot);
		return processing.eventProcessor(name, SlotProcessor.class)
			.orElseThrow(() -> new IllegalStateException("No slot processor named " + name));
	}

	@Override
	public synchronized void start() {
		monitor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("projection-replays"));
		monitor.scheduleWithFixedDelay(this::check, checkInterval.toMillis(), checkInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (monitor != null) {
			monitor.shutdownNow();
			monitor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return monitor != null;
	}

}

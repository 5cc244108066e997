package com.acme.orders.platform.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.acme.orders.platform.ports.DaemonThreads;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Finishes replays. Every {@code checkInterval} it logs each running replay's progress
 * (every 5 s) and, once the new slot looks caught up, switches: it stops the live slot's
 * processor, waits until every segment of the new slot has seen every event the live slot
 * had seen (so no order goes back in time), and makes the new slot active in one
 * transaction. If that does not happen within a few seconds, the live processor starts
 * again and the switch is tried at the next check.
 * <p>
 * It also keeps this process's slot processors in line with the database, so a replay
 * started or finished by another process, or left running by a crash, is picked up.
 */
class ReplayMonitor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReplayMonitor.class);

	private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);

	private static final Duration LONGEST_SWITCH_WAIT = Duration.ofSeconds(5);

	private final SlotProcessors processors;

	private final ProjectionSlots slots;

	private final ReplayLog replays;

	private final EventStorePositions store;

	private final Clock clock;

	private final Duration checkInterval;

	private final Object replayLock;

	private final DeferredIndexes indexes;

	private final Map<UUID, Instant> lastProgressLog = new HashMap<>();

	private ScheduledExecutorService timer;

	ReplayMonitor(SlotProcessors processors, ProjectionSlots slots, ReplayLog replays, EventStorePositions store,
			Clock clock, Duration checkInterval, Object replayLock, DeferredIndexes indexes) {
		this.processors = processors;
		this.indexes = indexes;
		this.slots = slots;
		this.replays = replays;
		this.store = store;
		this.clock = clock;
		this.checkInterval = checkInterval;
		this.replayLock = replayLock;
	}

	void check() {
		synchronized (replayLock) {
			for (Replay replay : replays.running()) {
				if (processors.knows(replay.projection())) {
					guarded("finishing replay " + replay.id(), () -> finishIfCaughtUp(replay));
				}
			}
			for (RebuildableProjection projection : processors.all()) {
				guarded("starting or stopping the processors of " + projection.name(),
						() -> keepProcessorsInLine(projection));
			}
		}
	}

	private void finishIfCaughtUp(Replay replay) {
		RebuildableProjection projection = processors.projection(replay.projection());
		SlotProcessor next = processors.processor(projection, replay.slot());
		SlotProcessor live = processors.processor(projection, replay.slot().other());
		int segments = processors.segments(projection, replay.slot());
		logProgress(replay, next);
		if (SlotPositions.canTakeOver(next, live, segments, replay.headAtStart())) {
			indexes.restore(projection, replay.slot());
			boolean liveRunsHere = SlotPositions.bySegment(live).size() == processors.segments(projection,
					replay.slot().other());
			switchOver(projection, replay, live, next, segments, liveRunsHere);
		}
	}

	private void switchOver(RebuildableProjection projection, Replay replay, SlotProcessor live, SlotProcessor next,
			int segments, boolean liveRunsHere) {
		live.shutDown();
		boolean switched = false;
		try {
			// No order may go back in time: the new slot must hold everything the live
			// one
			// has shown, which is where the live one stopped, or else (run elsewhere) the
			// head.
			String target;
			BooleanSupplier caughtUp;
			if (liveRunsHere) {
				List<TrackingToken> stopped = processors.storedTokens(projection, replay.slot().other());
				target = "where slot " + replay.slot().other().suffix() + " stopped";
				caughtUp = () -> SlotPositions.coversAll(next, segments, stopped);
			}
			else {
				long head = store.head();
				target = "position " + head;
				caughtUp = () -> SlotPositions.allAtLeast(next, segments, head);
			}
			if (!awaitWithin(LONGEST_SWITCH_WAIT, caughtUp)) {
				log.info("Replay {}: slot {} has not reached {} yet; slot {} keeps answering", replay.id(),
						replay.slot().suffix(), target, replay.slot().other().suffix());
				return;
			}
			Instant finishedAt = clock.instant();
			slots.switchTo(projection.name(), replay.slot(), () -> replays.complete(replay, finishedAt));
			switched = true;
			lastProgressLog.remove(replay.id());
			Duration took = Duration.between(replay.startedAt(), finishedAt);
			log.info(
					"Replay {} of projection {} finished: {} events in {} s ({} events/s); slot {} answers queries now",
					replay.id(), replay.projection(), replay.eventsAtStart(), took.toMillis() / 1000.0,
					ReplayLog.eventsPerSecond(replay.eventsAtStart(), took), replay.slot().suffix());
		}
		finally {
			if (!switched) {
				live.start();
			}
		}
		slots.empty(projection, replay.slot().other());
	}

	private static boolean awaitWithin(Duration longest, BooleanSupplier condition) {
		long deadline = System.nanoTime() + longest.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * Runs the processors of the active slot and of a slot being rebuilt, and stops the
	 * others.
	 */
	private void keepProcessorsInLine(RebuildableProjection projection) {
		for (ReadModelSlot slot : ReadModelSlot.values()) {
			SlotProcessor processor = processors.processor(projection, slot);
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
		Instant last = lastProgressLog.getOrDefault(replay.id(), Instant.MIN);
		ReplayProgress progress = ReplayProgress.running(replay, SlotPositions.of(processor).orElse(null),
				processor.isError(), now);
		if (progress.progress() == null || Duration.between(last, now).compareTo(PROGRESS_LOG_INTERVAL) < 0) {
			return;
		}
		lastProgressLog.put(replay.id(), now);
		log.info("Replay {} of projection {}: position {} of {} ({}%), {} events/s, done around {}", replay.id(),
				replay.projection(), progress.position(), replay.headAtStart(), Math.round(progress.progress() * 100),
				progress.eventsPerSecond(), progress.estimatedCompletion());
	}

	private void guarded(String what, Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			log.warn("Failed {}; trying again in {}", what, checkInterval, ex);
		}
	}

	@Override
	public void start() {
		synchronized (replayLock) {
			timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("projection-replays"));
			timer.scheduleWithFixedDelay(this::check, checkInterval.toMillis(), checkInterval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService stopping;
		synchronized (replayLock) {
			stopping = timer;
			timer = null;
		}
		if (stopping != null) {
			stopping.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (replayLock) {
			return timer != null;
		}
	}

}

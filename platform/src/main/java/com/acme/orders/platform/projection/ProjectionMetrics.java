package com.acme.orders.platform.projection;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges per projection: how far the active slot is behind the head of the event store,
 * and how far a running replay has come (0 to 1; 1 when none runs).
 */
class ProjectionMetrics implements MeterBinder {

	private final ProjectionReplays replays;

	private final List<String> projections;

	ProjectionMetrics(ProjectionReplays replays, List<String> projections) {
		this.replays = replays;
		this.projections = projections;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String projection : projections) {
			Gauge.builder("orders.projection.lag", () -> lag(projection))
				.tag("projection", projection)
				.description("Events the active slot of the projection is behind the head of the event store")
				.baseUnit("events")
				.register(registry);
			Gauge.builder("orders.projection.replay.progress", () -> replayProgress(projection))
				.tag("projection", projection)
				.description("Share of the event store a running replay has gone through; 1 when none runs")
				.register(registry);
		}
	}

	private double lag(String projection) {
		Long lag = replays.status(projection).lag();
		return (lag == null) ? Double.NaN : lag;
	}

	private double replayProgress(String projection) {
		ReplayProgress replay = replays.status(projection).replay();
		if (replay == null || replay.status() != Replay.Status.REPLAYING) {
			return 1.0;
		}
		return (replay.progress() == null) ? 0.0 : replay.progress();
	}

}

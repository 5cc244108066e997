package com.acme.orders.platform.axon;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;

/**
 * How often each aggregate type was taken from memory ({@code hit}), loaded because it
 * was not there ({@code miss}) or because another process had appended to it since
 * ({@code outdated}), and how many are kept.
 */
class RecentAggregatesMetrics implements MeterBinder {

	private final ObjectProvider<RecentAggregates> caches;

	RecentAggregatesMetrics(ObjectProvider<RecentAggregates> caches) {
		this.caches = caches;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		caches.orderedStream().forEach(cache -> {
			lookups(registry, cache, "hit", RecentAggregates::hits);
			lookups(registry, cache, "miss", RecentAggregates::misses);
			lookups(registry, cache, "outdated", RecentAggregates::outdated);
			Gauge.builder("orders.aggregate.cache.size", cache, RecentAggregates::size)
				.tag("aggregate", cache.type())
				.description("Aggregates kept in memory")
				.register(registry);
		});
	}

	private static void lookups(MeterRegistry registry, RecentAggregates cache, String result,
			ToDoubleFunction<RecentAggregates> count) {
		FunctionCounter.builder("orders.aggregate.cache.lookups", cache, count)
			.tag("aggregate", cache.type())
			.tag("result", result)
			.description("Aggregates looked for in memory before a command, by what was found")
			.register(registry);
	}

}

package com.acme.orders.platform.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The rebuildable projections of this service and the processors of their slots.
 */
class SlotProcessors {

	private final Map<String, RebuildableProjection> projections = new LinkedHashMap<>();

	private final EventProcessingConfiguration processing;

	SlotProcessors(Collection<RebuildableProjection> projections, EventProcessingConfiguration processing) {
		projections.forEach(projection -> this.projections.put(projection.name(), projection));
		this.processing = processing;
	}

	Collection<RebuildableProjection> all() {
		return projections.values();
	}

	/**
	 * @throws UnknownProjection if no projection has that name
	 */
	RebuildableProjection projection(String name) {
		RebuildableProjection projection = projections.get(name);
		if (projection == null) {
			throw new UnknownProjection(name);
		}
		return projection;
	}

	boolean knows(String name) {
		return projections.containsKey(name);
	}

	SlotProcessor processor(RebuildableProjection projection, ReadModelSlot slot) {
		String name = projection.processorName(slot);
		return processing.eventProcessor(name, SlotProcessor.class)
			.orElseThrow(() -> new IllegalStateException("No slot processor named " + name));
	}

	/** How many segments the slot's processor has in the token store (or will have). */
	int segments(RebuildableProjection projection, ReadModelSlot slot) {
		String name = projection.processorName(slot);
		int stored = processing.transactionManager(name)
			.fetchInTransaction(() -> processing.tokenStore(name).fetchSegments(name).length);
		return (stored > 0) ? stored : projection.processor().segments();
	}

	/**
	 * The tokens a stopped slot processor left in the token store, one per segment (null
	 * for a segment that has seen nothing). Reading a token claims it, so each claim is
	 * released again at once.
	 */
	List<TrackingToken> storedTokens(RebuildableProjection projection, ReadModelSlot slot) {
		String name = projection.processorName(slot);
		TokenStore tokens = processing.tokenStore(name);
		return processing.transactionManager(name).fetchInTransaction(() -> {
			List<TrackingToken> stored = new ArrayList<>();
			for (int segment : tokens.fetchSegments(name)) {
				stored.add(tokens.fetchToken(name, segment));
				tokens.releaseClaim(name, segment);
			}
			return stored;
		});
	}

}

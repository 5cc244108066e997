package com.acme.orders.platform.projection;

import java.util.List;
import java.util.function.Function;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * A projection whose read model can be rebuilt from the event store while it keeps
 * answering queries. Its tables exist twice (slot {@code a} and slot {@code b}, created
 * by Flyway); each slot has its own handler instances writing that slot's tables and its
 * own pooled processor, named after the projection and the slot.
 *
 * @param name the projection's name, as the admin API shows it
 * @param tables the plain names of its tables; each slot's copy ends in {@code _a} or
 * {@code _b}
 * @param eventHandlers new event handlers that write one slot's tables (see
 * {@link SlotTables})
 * @param sequencing which events must be handled one after another
 * @param processor segments, threads and batch size of each slot's processor
 */
public record RebuildableProjection(String name, List<String> tables,
		Function<ReadModelSlot, List<Object>> eventHandlers, SequencingPolicy<? super EventMessage<?>> sequencing,
		ProcessorSettings processor) {

	public RebuildableProjection {
		tables = List.copyOf(tables);
	}

	public String processorName(ReadModelSlot slot) {
		return name + "-" + slot.suffix();
	}

	/** Empties a slot's tables; the replay does it before refilling them. */
	String truncate(ReadModelSlot slot) {
		return "truncate " + String.join(", ", tables(slot));
	}

	/** The names of one slot's tables. */
	List<String> tables(ReadModelSlot slot) {
		return tables.stream().map(table -> table + "_" + slot.suffix()).toList();
	}

	/**
	 * How each slot's pooled streaming processor runs.
	 *
	 * @param segments how many segments the event stream is split into
	 * @param threads worker threads
	 * @param batchSize events handled in one transaction
	 */
	public record ProcessorSettings(int segments, int threads, int batchSize) {
	}

}

package com.acme.orders.platform.projection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The table names of one slot. A projection writes its SQL with the plain table names
 * ({@code order_summary}) and runs it through {@link #sql(String)}, which names the
 * slot's copy ({@code order_summary_b}).
 */
public final class SlotTables {

	private final ReadModelSlot slot;

	private final Pattern tableName;

	private final Map<String, String> qualified = new ConcurrentHashMap<>();

	public SlotTables(ReadModelSlot slot, List<String> tables) {
		this.slot = slot;
		this.tableName = Pattern
			.compile(tables.stream().map(Pattern::quote).collect(Collectors.joining("|", "\\b(", ")\\b")));
	}

	public ReadModelSlot slot() {
		return slot;
	}

	/** The statement with every table of the projection replaced by this slot's copy. */
	public String sql(String statement) {
		return qualified.computeIfAbsent(statement, text -> tableName.matcher(text).replaceAll("$1_" + slot.suffix()));
	}

}

package com.acme.orders.query;

import java.util.Locale;
import java.util.Optional;

/**
 * How a page of orders is sorted: by placement or last update, either way.
 *
 * @param column the read-model column; one of two fixed names, never caller text
 */
public record OrderSort(String column, boolean ascending) {

	public static final OrderSort DEFAULT = new OrderSort("placed_at", false);

	/**
	 * Reads {@code placedAt,desc}, {@code updatedAt,asc} or {@code placedAt}; anything
	 * else is empty.
	 */
	public static Optional<OrderSort> parse(String text) {
		String[] parts = text.split(",", -1);
		if (parts.length > 2) {
			return Optional.empty();
		}
		String column = switch (parts[0]) {
			case "placedAt" -> "placed_at";
			case "updatedAt" -> "updated_at";
			default -> null;
		};
		String direction = (parts.length == 2) ? parts[1].toLowerCase(Locale.ROOT) : "desc";
		if (column == null || !(direction.equals("asc") || direction.equals("desc"))) {
			return Optional.empty();
		}
		return Optional.of(new OrderSort(column, direction.equals("asc")));
	}

}

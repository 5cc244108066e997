package com.acme.orders.platform.axon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamps Axon stores with its events. Axon writes them in one shape,
 * {@code 2026-12-07T00:40:00.390Z}, and parses them back with a {@code DateTimeFormatter}
 * every time it is asked: in a replay, a twelfth of the app's CPU. That shape is read
 * here digit by digit; any other goes to Axon's own parser, which decides what it means.
 */
final class StoredTimestamps {

	private static final String SHAPE = "0000-00-00T00:00:00.000Z";

	private StoredTimestamps() {
	}

	static Instant parse(String text) {
		if (text.length() != SHAPE.length() || !separatorsInPlace(text)) {
			return DateTimeUtils.parseInstant(text);
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		int millis = digits(text, 20, 3);
		if ((year | month | day | hour | minute | second | millis) < 0) {
			return DateTimeUtils.parseInstant(text);
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException outOfRange) {
			// Axon's parser says what is wrong with it, in its own words.
			return DateTimeUtils.parseInstant(text);
		}
	}

	private static boolean separatorsInPlace(String text) {
		for (int index = 0; index < SHAPE.length(); index++) {
			char expected = SHAPE.charAt(index);
			if (expected != '0' && text.charAt(index) != expected) {
				return false;
			}
		}
		return true;
	}

	/** The number written at {@code start}, or -1 if a character there is not a digit. */
	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int index = start; index < start + count; index++) {
			int digit = text.charAt(index) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

}

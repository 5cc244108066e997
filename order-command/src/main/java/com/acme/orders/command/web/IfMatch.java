package com.acme.orders.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the order version a caller expects from {@code If-Match: "3"}. Absent or
 * {@code *} means any version.
 */
final class IfMatch {

	private static final Pattern STRONG_VERSION = Pattern.compile("\"([1-9][0-9]{0,17})\"");

	private IfMatch() {
	}

	static Long expectedVersion(String header) {
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return null;
		}
		Matcher matcher = STRONG_VERSION.matcher(header.strip());
		if (!matcher.matches()) {
			throw new MalformedIfMatch(header);
		}
		return Long.parseLong(matcher.group(1));
	}

	/** The header is not a single strong ETag of an order version. */
	static class MalformedIfMatch extends RuntimeException {

		MalformedIfMatch(String header) {
			super("If-Match must be one quoted order version such as \"3\", not " + header);
		}

	}

}

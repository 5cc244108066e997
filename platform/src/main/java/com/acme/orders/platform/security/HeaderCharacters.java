package com.acme.orders.platform.security;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} lets through in header
 * names and values (and parameter names), checked by a loop instead of its regular
 * expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and the same with a tab
 * allowed in values). Run on every read of every header, those expressions took a quarter
 * of the request threads' samples in a profile of refused POSTs with a JWT: a bearer
 * token is 600 characters long, and the {@code Authorization} header is read several
 * times. Same rule, same verdicts ({@code HeaderCharactersTest} compares them over every
 * code point).
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	static boolean allowedInName(String name) {
		return allowed(name, false);
	}

	static boolean allowedInValue(String value) {
		return allowed(value, true);
	}

	private static boolean allowed(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			// Printable ASCII, all of a token: assigned and not a control character.
			boolean allowed = (codePoint >= ' ' && codePoint < 0x7f) || (tabAllowed && codePoint == '\t')
					|| isAssignedAndNotControl(codePoint);
			if (!allowed) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	private static boolean isAssignedAndNotControl(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.UNASSIGNED && type != Character.CONTROL;
	}

}

package com.acme.orders.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Takes the bearer token from the {@code Authorization} header as Spring Security's
 * {@link DefaultBearerTokenResolver} does, but checks the usual well-formed header with a
 * loop instead of its case-insensitive regular expression, which took a seventh of a
 * request's CPU in a profile. Anything else (no header, another scheme, a malformed
 * token) goes to the default resolver, so it is answered exactly as before.
 */
final class BearerTokenHeader implements BearerTokenResolver {

	private static final String SCHEME = "Bearer ";

	private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
				&& isToken68(header, SCHEME.length())) {
			return header.substring(SCHEME.length());
		}
		return fallback.resolve(request);
	}

	/**
	 * RFC 6750's {@code b64token}: one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then
	 * any number of {@code =}.
	 */
	static boolean isToken68(String text, int from) {
		int end = text.length();
		while (end > from && text.charAt(end - 1) == '=') {
			end--;
		}
		if (end == from) {
			return false;
		}
		for (int i = from; i < end; i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}

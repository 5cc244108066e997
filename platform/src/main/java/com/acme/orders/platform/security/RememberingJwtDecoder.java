package com.acme.orders.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies a bearer token once and remembers it for a while: a client sends the same
 * token with every request until it expires, and verifying it (signature, issuer,
 * audience, expiry) took a sixth of a command's CPU on the request thread. A token is
 * answered from memory only if it was verified less than {@code rememberFor} ago and has
 * not expired; anything else, and every token that fails, goes to the verifier. A key
 * withdrawn from the issuer's key set is therefore still honoured for at most
 * {@code rememberFor} for tokens already seen.
 */
final class RememberingJwtDecoder implements JwtDecoder {

	private final JwtDecoder verifier;

	private final Duration rememberFor;

	private final int capacity;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	RememberingJwtDecoder(JwtDecoder verifier, Duration rememberFor, int capacity, Clock clock) {
		this.verifier = verifier;
		this.rememberFor = rememberFor;
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) {
		Instant now = clock.instant();
		Verified remembered = verified.get(token);
		if (remembered != null && now.isBefore(remembered.until())) {
			return remembered.jwt();
		}
		Jwt jwt = verifier.decode(token);
		Instant until = now.plus(rememberFor);
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (verified.size() >= capacity) {
			// Cheaper than tracking which to evict; one verification each refills it.
			verified.clear();
		}
		verified.put(token, new Verified(jwt, until));
		return jwt;
	}

	private record Verified(Jwt jwt, Instant until) {
	}

}

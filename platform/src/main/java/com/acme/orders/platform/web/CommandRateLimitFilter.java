package com.acme.orders.platform.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many commands (POST, PUT, PATCH, DELETE under {@code /api/}) each principal
 * may send: {@code perSecond} on average, {@code burst} at once. Beyond that the answer
 * is 429 with {@code Retry-After}, and nothing is done. Runs after authentication, so the
 * limit follows the caller, not the connection.
 */
class CommandRateLimitFilter extends OncePerRequestFilter {

	private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** Above this many callers, callers whose bucket has refilled are forgotten. */
	private static final int REMEMBERED_CALLERS = 10_000;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final double perSecond;

	private final int burst;

	private final Clock clock;

	CommandRateLimitFilter(double perSecond, int burst, Clock clock) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !COMMAND_METHODS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Principal caller = request.getUserPrincipal();
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		long now = clock.millis();
		forgetRefilledCallers(now);
		long waitMillis = buckets.computeIfAbsent(caller.getName(), name -> new TokenBucket(perSecond, burst, now))
			.take(now);
		if (waitMillis == 0) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
		ProblemResponses.write(response, 429, "rate-limited", "Too many requests",
				"More than " + perSecond + " commands per second (bursts of " + burst + "); try again later.");
	}

	private void forgetRefilledCallers(long now) {
		if (buckets.size() > REMEMBERED_CALLERS) {
			buckets.values().removeIf(bucket -> bucket.full(now));
		}
	}

}

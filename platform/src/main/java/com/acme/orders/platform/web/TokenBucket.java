package com.acme.orders.platform.web;

/**
 * Allows {@code perSecond} requests a second on average and up to {@code burst} at once:
 * a bucket of {@code burst} tokens, refilled continuously, one token a request.
 */
final class TokenBucket {

	private final double tokensPerMilli;

	private final double capacity;

	private double tokens;

	private long refilledAt;

	TokenBucket(double perSecond, int burst, long nowMillis) {
		this.tokensPerMilli = perSecond / 1000.0;
		this.capacity = burst;
		this.tokens = burst;
		this.refilledAt = nowMillis;
	}

	/**
	 * Takes a token if there is one.
	 * @return 0 if taken, else how many milliseconds until one is there
	 */
	synchronized long take(long nowMillis) {
		tokens = Math.min(capacity, tokens + Math.max(0, nowMillis - refilledAt) * tokensPerMilli);
		refilledAt = Math.max(refilledAt, nowMillis);
		if (tokens >= 1) {
			tokens -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - tokens) / tokensPerMilli);
	}

	synchronized boolean full(long nowMillis) {
		return tokens + Math.max(0, nowMillis - refilledAt) * tokensPerMilli >= capacity;
	}

}

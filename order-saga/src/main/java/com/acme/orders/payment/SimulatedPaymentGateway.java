package com.acme.orders.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.acme.orders.events.Money;

/**
 * A simulation of a payment gateway, for running the backend without a real one.
 * Deterministic: amounts above {@code declineAbove} are declined, a payment of exactly
 * {@code unresponsiveForAmount} never gets an answer, the authorization of exactly
 * {@code failingForAmount} and the refund of exactly {@code refundFailingForAmount} fail
 * every time (as a gateway that answers 503 would), and every answer comes after
 * {@code latency} without holding a thread while waiting. Like a real gateway it
 * remembers idempotency keys, so a retried call gets the first call's answer.
 */
class SimulatedPaymentGateway implements PaymentGateway {

	private final BigDecimal declineAbove;

	private final BigDecimal unresponsiveForAmount;

	private final BigDecimal failingForAmount;

	private final BigDecimal refundFailingForAmount;

	private final Duration latency;

	private final ScheduledExecutorService timer;

	private final Map<UUID, AuthorizationResult> authorizations = new ConcurrentHashMap<>();

	private final Map<UUID, String> refunds = new ConcurrentHashMap<>();

	SimulatedPaymentGateway(BigDecimal declineAbove, BigDecimal unresponsiveForAmount, BigDecimal failingForAmount,
			BigDecimal refundFailingForAmount, Duration latency, ScheduledExecutorService timer) {
		this.declineAbove = declineAbove;
		this.unresponsiveForAmount = unresponsiveForAmount;
		this.failingForAmount = failingForAmount;
		this.refundFailingForAmount = refundFailingForAmount;
		this.latency = latency;
		this.timer = timer;
	}

	@Override
	public CompletableFuture<AuthorizationResult> authorize(UUID idempotencyKey, Money amount) {
		if (is(amount, unresponsiveForAmount)) {
			return new CompletableFuture<>();
		}
		if (is(amount, failingForAmount)) {
			return later(() -> {
				throw new GatewayUnavailable("authorize");
			});
		}
		return later(
				() -> authorizations.computeIfAbsent(idempotencyKey, key -> amount.amount().compareTo(declineAbove) > 0
						? new Declined("amount above limit") : new Authorized("AUTH-" + key)));
	}

	@Override
	public CompletableFuture<String> refund(UUID idempotencyKey, String authorizationId, Money amount) {
		if (is(amount, refundFailingForAmount)) {
			return later(() -> {
				throw new GatewayUnavailable("refund");
			});
		}
		return later(() -> refunds.computeIfAbsent(idempotencyKey, key -> "REFUND-" + key));
	}

	private <T> CompletableFuture<T> later(Supplier<T> answer) {
		Executor afterLatency = CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS, timer);
		return CompletableFuture.supplyAsync(answer, afterLatency);
	}

	private static boolean is(Money amount, BigDecimal simulated) {
		return simulated != null && amount.amount().compareTo(simulated) == 0;
	}

	/** What the simulation answers where a real gateway would be down. */
	static class GatewayUnavailable extends RuntimeException {

		GatewayUnavailable(String call) {
			super("Simulated payment gateway: " + call + " answered 503");
		}

	}

}

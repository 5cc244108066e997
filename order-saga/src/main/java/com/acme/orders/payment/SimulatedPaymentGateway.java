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
 * {@code unresponsiveForAmount} never gets an answer, and every answer comes after
 * {@code latency} without holding a thread while waiting. Like a real gateway it
 * remembers idempotency keys, so a retried call gets the first call's answer.
 */
class SimulatedPaymentGateway implements PaymentGateway {

	private final BigDecimal declineAbove;

	private final BigDecimal unresponsiveForAmount;

	private final Duration latency;

	private final ScheduledExecutorService timer;

	private final Map<UUID, AuthorizationResult> authorizations = new ConcurrentHashMap<>();

	private final Map<UUID, String> refunds = new ConcurrentHashMap<>();

	SimulatedPaymentGateway(BigDecimal declineAbove, BigDecimal unresponsiveForAmount, Duration latency,
			ScheduledExecutorService timer) {
		this.declineAbove = declineAbove;
		this.unresponsiveForAmount = unresponsiveForAmount;
		this.latency = latency;
		this.timer = timer;
	}

	@Override
	public CompletableFuture<AuthorizationResult> authorize(UUID idempotencyKey, Money amount) {
		if (unresponsiveForAmount != null && amount.amount().compareTo(unresponsiveForAmount) == 0) {
			return new CompletableFuture<>();
		}
		return later(
				() -> authorizations.computeIfAbsent(idempotencyKey, key -> amount.amount().compareTo(declineAbove) > 0
						? new Declined("amount above limit") : new Authorized("AUTH-" + key)));
	}

	@Override
	public CompletableFuture<String> refund(UUID idempotencyKey, String authorizationId, Money amount) {
		return later(() -> refunds.computeIfAbsent(idempotencyKey, key -> "REFUND-" + key));
	}

	private <T> CompletableFuture<T> later(Supplier<T> answer) {
		Executor afterLatency = CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS, timer);
		return CompletableFuture.supplyAsync(answer, afterLatency);
	}

}

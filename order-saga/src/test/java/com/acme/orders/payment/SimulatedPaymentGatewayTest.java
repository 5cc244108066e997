package com.acme.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.acme.orders.events.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(new BigDecimal("5000.00"),
			new BigDecimal("13.00"), new BigDecimal("17.00"), new BigDecimal("19.00"), Duration.ofMillis(5), timer);

	@AfterEach
	void stop() {
		timer.shutdownNow();
	}

	@Test
	void amountsUpToTheLimitAreAuthorizedAndAboveAreDeclined() throws Exception {
		assertThat(gateway.authorize(UUID.randomUUID(), eur("5000.00")).get(1, TimeUnit.SECONDS))
			.isInstanceOf(PaymentGateway.Authorized.class);
		assertThat(gateway.authorize(UUID.randomUUID(), eur("5000.01")).get(1, TimeUnit.SECONDS))
			.isInstanceOf(PaymentGateway.Declined.class);
	}

	@Test
	void theUnresponsiveAmountNeverGetsAnAnswer() throws Exception {
		var answer = gateway.authorize(UUID.randomUUID(), eur("13.00"));
		Thread.sleep(50);
		assertThat(answer).isNotDone();
	}

	@Test
	void theFailingAmountsFailEveryTime() {
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(gateway.authorize(UUID.randomUUID(), eur("17.00"))).failsWithin(1, TimeUnit.SECONDS)
				.withThrowableThat()
				.withCauseInstanceOf(SimulatedPaymentGateway.GatewayUnavailable.class);
			assertThat(gateway.refund(UUID.randomUUID(), "AUTH", eur("19.00"))).failsWithin(1, TimeUnit.SECONDS)
				.withThrowableThat()
				.withCauseInstanceOf(SimulatedPaymentGateway.GatewayUnavailable.class);
		}
		assertThat(gateway.refund(UUID.randomUUID(), "AUTH", eur("17.00"))).succeedsWithin(1, TimeUnit.SECONDS);
	}

	@Test
	void theSameIdempotencyKeyAlwaysGetsTheSameAnswer() throws Exception {
		UUID key = UUID.randomUUID();
		assertThat(gateway.authorize(key, eur("10.00")).get(1, TimeUnit.SECONDS))
			.isEqualTo(gateway.authorize(key, eur("10.00")).get(1, TimeUnit.SECONDS));
		assertThat(gateway.refund(key, "AUTH", eur("10.00")).get(1, TimeUnit.SECONDS))
			.isEqualTo(gateway.refund(key, "AUTH", eur("10.00")).get(1, TimeUnit.SECONDS));
	}

	private static Money eur(String amount) {
		return new Money(new BigDecimal(amount), "EUR");
	}

}

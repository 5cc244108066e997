package com.acme.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.acme.orders.events.Money;
import com.acme.orders.events.payment.RefundReason;
import com.acme.orders.platform.ports.ResilientCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PaymentGatewayCallsTest {

	private static final UUID PAYMENT_ID = UUID.fromString("0d000000-0000-4000-8000-000000000001");

	private static final Money AMOUNT = new Money(new BigDecimal("25.00"), "EUR");

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

	private final CommandGateway commandGateway = mock(CommandGateway.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		scheduler.shutdownNow();
	}

	@Test
	void aRefundThatKeepsFailingIsRecordedAndCounted() {
		PaymentGateway refusingGateway = new PaymentGateway() {
			@Override
			public CompletableFuture<AuthorizationResult> authorize(UUID key, Money amount) {
				return CompletableFuture.completedFuture(new Authorized("AUTH-1"));
			}

			@Override
			public CompletableFuture<String> refund(UUID key, String authorizationId, Money amount) {
				return CompletableFuture.failedFuture(new ResilientCalls.PortUnavailable("gateway down"));
			}
		};

		calls(refusingGateway).refund(PAYMENT_ID, "AUTH-1", AMOUNT, RefundReason.SHIPMENT_FAILED);

		CommandMessage<?> sent = sentCommand();
		assertThat(sent.getPayload()).isInstanceOf(RecordRefundFailure.class)
			.extracting("reason")
			.isEqualTo(RefundReason.SHIPMENT_FAILED);
		assertThat(sent.getMetaData()).containsEntry("principal", "system:payment");
		assertThat(meters.counter("orders.payment.refunds.failed").count()).isEqualTo(1);
	}

	@Test
	void anAuthorizationIsReportedBackAsACommandToThePayment() {
		calls(new SimulatedPaymentGateway(new BigDecimal("5000.00"), null, null, null, Duration.ZERO, scheduler))
			.authorize(PAYMENT_ID, AMOUNT);

		assertThat(sentCommand().getPayload()).isEqualTo(new RecordAuthorization(PAYMENT_ID, "AUTH-" + PAYMENT_ID));
	}

	private PaymentGatewayCalls calls(PaymentGateway gateway) {
		ResilientCalls resilience = new ResilientCalls("payment-gateway",
				new ResilientCalls.Settings(Duration.ofMillis(200), 2, Duration.ofMillis(5), 10, Duration.ofMinutes(1)),
				scheduler, Executors.newSingleThreadExecutor(), Clock.systemUTC());
		return new PaymentGatewayCalls(gateway, resilience, new PaymentCommands(commandGateway), meters);
	}

	private CommandMessage<?> sentCommand() {
		ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
		verify(commandGateway, timeout(5000)).send(sent.capture());
		return sent.getValue();
	}

}

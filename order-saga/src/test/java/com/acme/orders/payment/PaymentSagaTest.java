package com.acme.orders.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.CancellationReason;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentDeclined;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.payment.PaymentTimedOut;
import com.acme.orders.events.payment.RefundReason;
import com.acme.orders.events.shipping.ShipmentCancelled;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentFailed;
import com.acme.orders.platform.ports.ResilientCalls;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentSagaTest {

	private static final UUID ORDER_ID = UUID.fromString("0a000000-0000-4000-8000-000000000002");

	private static final UUID PAYMENT_ID = PaymentIds.forOrder(ORDER_ID);

	private static final UUID SHIPMENT_ID = UUID.fromString("0a000000-0000-4000-8000-0000000000ff");

	private static final Money TOTAL = new Money(new BigDecimal("25.00"), "EUR");

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final PaymentSettings SETTINGS = new PaymentSettings(TIMEOUT,
			new ResilientCalls.Settings(Duration.ofSeconds(10), 3, Duration.ofMillis(200), 5, Duration.ofSeconds(10)));

	private final PaymentGatewayCalls gateway = mock(PaymentGatewayCalls.class);

	private SagaTestFixture<PaymentSaga> fixture;

	@BeforeEach
	void setUp() {
		fixture = new SagaTestFixture<>(PaymentSaga.class);
		fixture.registerResource(
				new PaymentCommands(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
		fixture.registerResource(gateway);
		fixture.registerResource(SETTINGS);
	}

	@Test
	void aPlacedOrderRequestsThePaymentOfItsTotal() {
		fixture.givenNoPriorActivity()
			.whenPublishingA(placed())
			.expectActiveSagas(1)
			.expectDispatchedCommands(new RequestPayment(PAYMENT_ID, TOTAL, ORDER_ID));
	}

	@Test
	void aRedeliveredOrderPlacedRequestsNothingMore() {
		fixture.givenAPublished(placed()).whenPublishingA(placed()).expectNoDispatchedCommands();
	}

	@Test
	void aRequestedPaymentAsksTheGatewayAndSetsTheTimeout() {
		fixture.givenAPublished(placed())
			.whenPublishingA(requested())
			.expectScheduledDeadlineWithName(TIMEOUT, PaymentSaga.PAYMENT_TIMEOUT);
		verify(gateway).authorize(PAYMENT_ID, TOTAL);
	}

	@Test
	void noAnswerInTimeTimesThePaymentOut() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.whenTimeElapses(TIMEOUT.plusSeconds(1))
			.expectDeadlinesMet(new PaymentDeadlines.PaymentTimeout(PAYMENT_ID))
			.expectDispatchedCommands(new TimeOutPayment(PAYMENT_ID));
	}

	@Test
	void aDeclineEndsTheSagaWithoutRefund() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.whenPublishingA(new PaymentDeclined(PAYMENT_ID, ORDER_ID, "limit", NOW))
			.expectActiveSagas(0);
		verify(gateway, never()).refund(any(), any(), any(), any());
	}

	@Test
	void anAuthorizedPaymentIsNeverTimedOutAndWaitsForTheShipment() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.whenTimeElapses(TIMEOUT.plusSeconds(1))
			.expectActiveSagas(1)
			.expectNoDispatchedCommands();
		verify(gateway, never()).refund(any(), any(), any(), any());
	}

	@Test
	void aLateAuthorizationAfterTheTimeoutIsRefunded() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(new PaymentTimedOut(PAYMENT_ID, ORDER_ID, NOW))
			.andThenAPublished(cancelled(CancellationReason.PAYMENT_TIMEOUT))
			.whenPublishingA(authorized());
		verify(gateway).refund(PAYMENT_ID, "AUTH-1", TOTAL, RefundReason.ORDER_ALREADY_CANCELLED);
	}

	@Test
	void anOrderCancelledAfterItsAuthorizationRaceIsRefunded() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.whenPublishingA(cancelled(CancellationReason.CUSTOMER_REQUEST));
		verify(gateway).refund(PAYMENT_ID, "AUTH-1", TOTAL, RefundReason.ORDER_ALREADY_CANCELLED);
	}

	@Test
	void aFailedShipmentIsRefundedOnceHoweverOftenItIsReported() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.andThenAPublished(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "lost", NOW))
			.whenPublishingA(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "lost", NOW));
		verify(gateway, times(1)).refund(PAYMENT_ID, "AUTH-1", TOTAL, RefundReason.SHIPMENT_FAILED);
	}

	@Test
	void aCancelledShipmentIsRefundedForTheCustomer() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.whenPublishingA(new ShipmentCancelled(SHIPMENT_ID, ORDER_ID, NOW));
		verify(gateway).refund(PAYMENT_ID, "AUTH-1", TOTAL, RefundReason.CUSTOMER_CANCELLED);
	}

	/** The process that waited for the refund's outcome died: ask again, same key. */
	@Test
	void aRefundWhoseOutcomeNeverArrivesIsAskedForAgain() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.andThenAPublished(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "lost", NOW))
			// Past the refund's worst case and its margin, short of a second look.
			.whenTimeElapses(SETTINGS.lastGatewayAnswer().plusSeconds(10))
			.expectDeadlinesMet(new PaymentDeadlines.PaymentTimeout(PAYMENT_ID),
					new PaymentDeadlines.RefundAnswer(PAYMENT_ID))
			.expectActiveSagas(1);
		verify(gateway, times(2)).refund(PAYMENT_ID, "AUTH-1", TOTAL, RefundReason.SHIPMENT_FAILED);
	}

	@Test
	void theSagaEndsWhenTheMoneyIsSettled() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.whenPublishingA(new ShipmentDelivered(SHIPMENT_ID, ORDER_ID, NOW))
			.expectActiveSagas(0);
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(authorized())
			.andThenAPublished(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "lost", NOW))
			.whenPublishingA(new PaymentRefunded(PAYMENT_ID, ORDER_ID, TOTAL, RefundReason.SHIPMENT_FAILED, "R-1", NOW))
			.expectActiveSagas(0);
	}

	@Test
	void aTimedOutPaymentWaitsForTheGatewaysLastPossibleAnswerThenEnds() {
		fixture.givenAPublished(placed())
			.andThenAPublished(requested())
			.andThenAPublished(new PaymentTimedOut(PAYMENT_ID, ORDER_ID, NOW))
			.whenTimeElapses(Duration.ofMinutes(5))
			.expectActiveSagas(0);
	}

	private static OrderPlaced placed() {
		return new OrderPlaced(ORDER_ID, "alice", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50"))), TOTAL,
				new Address("Ada", "1 Main St", "London", "N1 9GU", "GB"), NOW);
	}

	private static PaymentRequested requested() {
		return new PaymentRequested(PAYMENT_ID, ORDER_ID, TOTAL, NOW);
	}

	private static PaymentAuthorized authorized() {
		return new PaymentAuthorized(PAYMENT_ID, ORDER_ID, TOTAL, "AUTH-1", NOW);
	}

	private static OrderCancelled cancelled(CancellationReason reason) {
		return new OrderCancelled(ORDER_ID, reason, null, NOW);
	}

}

package com.acme.orders.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.acme.orders.events.Money;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentDeclined;
import com.acme.orders.events.payment.PaymentRefundFailed;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.payment.PaymentTimedOut;
import com.acme.orders.events.payment.RefundReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

	private static final UUID ORDER_ID = UUID.fromString("0a000000-0000-4000-8000-000000000001");

	private static final UUID PAYMENT_ID = PaymentIds.forOrder(ORDER_ID);

	private static final Money AMOUNT = new Money(new BigDecimal("25.00"), "EUR");

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private FixtureConfiguration<Payment> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Payment.class);
		fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void requestingAPaymentCreatesItOnce() {
		fixture.givenNoPriorActivity().when(new RequestPayment(PAYMENT_ID, AMOUNT, ORDER_ID)).expectEvents(requested());
		fixture.given(requested()).when(new RequestPayment(PAYMENT_ID, AMOUNT, ORDER_ID)).expectNoEvents();
	}

	@Test
	void anAuthorizationIsRecordedOnce() {
		fixture.given(requested()).when(new RecordAuthorization(PAYMENT_ID, "AUTH-1")).expectEvents(authorized());
		fixture.given(requested(), authorized()).when(new RecordAuthorization(PAYMENT_ID, "AUTH-1")).expectNoEvents();
	}

	@Test
	void aLateAuthorizationAfterTheTimeoutIsStillRecordedSoItCanBeRefunded() {
		fixture.given(requested(), new PaymentTimedOut(PAYMENT_ID, ORDER_ID, NOW))
			.when(new RecordAuthorization(PAYMENT_ID, "AUTH-1"))
			.expectEvents(authorized());
	}

	@Test
	void aDeclineCountsOnlyWhilePending() {
		fixture.given(requested())
			.when(new RecordDecline(PAYMENT_ID, "insufficient funds"))
			.expectEvents(new PaymentDeclined(PAYMENT_ID, ORDER_ID, "insufficient funds", NOW));
		fixture.given(requested(), authorized()).when(new RecordDecline(PAYMENT_ID, "late")).expectNoEvents();
	}

	@Test
	void aTimeoutCountsOnlyWhilePending() {
		fixture.given(requested())
			.when(new TimeOutPayment(PAYMENT_ID))
			.expectEvents(new PaymentTimedOut(PAYMENT_ID, ORDER_ID, NOW));
		fixture.given(requested(), authorized()).when(new TimeOutPayment(PAYMENT_ID)).expectNoEvents();
	}

	@Test
	void anAuthorizedPaymentIsRefundedAtMostOnce() {
		PaymentRefunded refunded = new PaymentRefunded(PAYMENT_ID, ORDER_ID, AMOUNT, RefundReason.SHIPMENT_FAILED,
				"REFUND-1", NOW);
		fixture.given(requested(), authorized())
			.when(new RecordRefund(PAYMENT_ID, RefundReason.SHIPMENT_FAILED, "REFUND-1"))
			.expectEvents(refunded);
		fixture.given(requested(), authorized(), refunded)
			.when(new RecordRefund(PAYMENT_ID, RefundReason.SHIPMENT_FAILED, "REFUND-1"))
			.expectNoEvents();
	}

	@Test
	void nothingIsRefundedThatWasNeverAuthorized() {
		fixture.given(requested())
			.when(new RecordRefund(PAYMENT_ID, RefundReason.CUSTOMER_CANCELLED, "REFUND-1"))
			.expectNoEvents();
	}

	@Test
	void aRefundThatKeepsFailingIsRecorded() {
		fixture.given(requested(), authorized())
			.when(new RecordRefundFailure(PAYMENT_ID, RefundReason.CUSTOMER_CANCELLED, "gateway down"))
			.expectEvents(new PaymentRefundFailed(PAYMENT_ID, ORDER_ID, AMOUNT, RefundReason.CUSTOMER_CANCELLED,
					"gateway down", NOW));
	}

	private static PaymentRequested requested() {
		return new PaymentRequested(PAYMENT_ID, ORDER_ID, AMOUNT, NOW);
	}

	private static PaymentAuthorized authorized() {
		return new PaymentAuthorized(PAYMENT_ID, ORDER_ID, AMOUNT, "AUTH-1", NOW);
	}

}

package com.acme.orders.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.UUID;

import com.acme.orders.events.Money;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentDeclined;
import com.acme.orders.events.payment.PaymentRefundFailed;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.payment.PaymentTimedOut;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The money side of one order: authorized once, refunded at most once. Every command is
 * idempotent: what the payment already knows changes nothing, so gateway answers may
 * arrive twice or late.
 */
@Aggregate(cache = "paymentCache")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class Payment {

	@AggregateIdentifier
	private UUID paymentId;

	private UUID orderId;

	private Money amount;

	private PaymentStatus status;

	// Required by Axon to rebuild the aggregate from events
	Payment() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(RequestPayment command, Clock clock) {
		if (status == null) {
			apply(new PaymentRequested(command.paymentId(), command.orderId(), command.amount(), clock.instant()));
		}
	}

	/**
	 * A late authorization (after the timeout) is recorded too: that money was captured
	 * and must go back.
	 */
	@CommandHandler
	void handle(RecordAuthorization command, Clock clock) {
		if (status == PaymentStatus.PENDING || status == PaymentStatus.TIMED_OUT) {
			apply(new PaymentAuthorized(paymentId, orderId, amount, command.authorizationId(), clock.instant()));
		}
	}

	@CommandHandler
	void handle(RecordDecline command, Clock clock) {
		if (status == PaymentStatus.PENDING) {
			apply(new PaymentDeclined(paymentId, orderId, command.reason(), clock.instant()));
		}
	}

	@CommandHandler
	void handle(TimeOutPayment command, Clock clock) {
		if (status == PaymentStatus.PENDING) {
			apply(new PaymentTimedOut(paymentId, orderId, clock.instant()));
		}
	}

	@CommandHandler
	void handle(RecordRefund command, Clock clock) {
		if (status == PaymentStatus.AUTHORIZED) {
			apply(new PaymentRefunded(paymentId, orderId, amount, command.reason(), command.refundId(),
					clock.instant()));
		}
	}

	@CommandHandler
	void handle(RecordRefundFailure command, Clock clock) {
		if (status == PaymentStatus.AUTHORIZED) {
			apply(new PaymentRefundFailed(paymentId, orderId, amount, command.reason(), command.cause(),
					clock.instant()));
		}
	}

	@EventSourcingHandler
	void on(PaymentRequested event) {
		paymentId = event.paymentId();
		orderId = event.orderId();
		amount = event.amount();
		status = PaymentStatus.PENDING;
	}

	@EventSourcingHandler
	void on(PaymentAuthorized event) {
		status = PaymentStatus.AUTHORIZED;
	}

	@EventSourcingHandler
	void on(PaymentDeclined event) {
		status = PaymentStatus.DECLINED;
	}

	@EventSourcingHandler
	void on(PaymentTimedOut event) {
		status = PaymentStatus.TIMED_OUT;
	}

	@EventSourcingHandler
	void on(PaymentRefunded event) {
		status = PaymentStatus.REFUNDED;
	}

	@EventSourcingHandler
	void on(PaymentRefundFailed event) {
		status = PaymentStatus.REFUND_FAILED;
	}

}

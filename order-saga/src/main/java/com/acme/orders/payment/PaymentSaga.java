package com.acme.orders.payment;

import java.util.UUID;

import com.acme.orders.events.Money;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentDeclined;
import com.acme.orders.events.payment.PaymentRefundFailed;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.payment.PaymentTimedOut;
import com.acme.orders.events.payment.RefundReason;
import com.acme.orders.events.shipping.ShipmentCancelled;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentFailed;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Takes the money for an order, and gives it back when the order does not go through.
 * <ol>
 * <li>{@code OrderPlaced}: request the payment of the order's total.</li>
 * <li>{@code PaymentRequested}: ask the gateway to authorize (asynchronously, the answer
 * comes back as a command) and set the payment timeout.</li>
 * <li>No answer in time: time the payment out; the order is cancelled
 * ({@code PAYMENT_TIMEOUT}).</li>
 * <li>{@code PaymentDeclined}: done; the order is cancelled
 * ({@code PAYMENT_DECLINED}).</li>
 * <li>{@code PaymentAuthorized}: the order is paid and shipping starts; done once
 * {@code ShipmentDelivered}.</li>
 * </ol>
 * Compensations: {@code ShipmentCancelled} (the customer cancelled) and
 * {@code ShipmentFailed} refund the payment; an authorization that arrives for an order
 * already cancelled (too late, or cancelled before payment) is refunded at once. The saga
 * ends when the money is settled: declined, refunded, refund failed, or delivered. A
 * timed-out payment waits for the gateway's last possible answer before the saga ends.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
public class PaymentSaga {

	static final String ORDER_ID = "orderId";

	static final String PAYMENT_TIMEOUT = "payment-timeout";

	static final String LAST_ANSWER = "payment-last-gateway-answer";

	private UUID orderId;

	private UUID paymentId;

	private Money amount;

	private String authorizationId;

	private boolean gatewayAnswered;

	private boolean orderCancelled;

	private boolean refundStarted;

	private String timeoutDeadline;

	@StartSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderPlaced event, PaymentCommands commands) {
		if (paymentId != null) {
			return;
		}
		orderId = event.orderId();
		paymentId = PaymentIds.forOrder(orderId);
		amount = event.total();
		commands.sendAndWait(new RequestPayment(paymentId, amount, orderId));
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(PaymentRequested event, DeadlineManager deadlines, PaymentSettings settings, PaymentGatewayCalls gateway) {
		if (timeoutDeadline == null) {
			timeoutDeadline = deadlines.schedule(settings.timeout(), PAYMENT_TIMEOUT,
					new PaymentDeadlines.PaymentTimeout(paymentId));
			gateway.authorize(paymentId, amount);
		}
	}

	/**
	 * The timeout is not cancelled when the gateway answers: cancelling races with a
	 * deadline that is already firing (db-scheduler refuses to change a running task,
	 * which would fail the saga's batch). It finds the payment answered and does nothing
	 * instead; once the saga has ended, it finds no saga at all.
	 */
	@DeadlineHandler(deadlineName = PAYMENT_TIMEOUT)
	void on(PaymentDeadlines.PaymentTimeout deadline, PaymentCommands commands) {
		if (!gatewayAnswered) {
			commands.sendAndWait(new TimeOutPayment(paymentId));
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(PaymentTimedOut event, DeadlineManager deadlines, PaymentSettings settings) {
		deadlines.schedule(settings.lastGatewayAnswer(), LAST_ANSWER,
				new PaymentDeadlines.LastGatewayAnswer(paymentId));
	}

	@DeadlineHandler(deadlineName = LAST_ANSWER)
	void on(PaymentDeadlines.LastGatewayAnswer deadline) {
		if (authorizationId == null) {
			SagaLifecycle.end();
		}
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(PaymentDeclined event) {
		gatewayAnswered = true;
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(PaymentAuthorized event, PaymentGatewayCalls gateway) {
		gatewayAnswered = true;
		authorizationId = event.authorizationId();
		if (orderCancelled) {
			refund(gateway, RefundReason.ORDER_ALREADY_CANCELLED);
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderCancelled event, PaymentGatewayCalls gateway) {
		orderCancelled = true;
		if (authorizationId != null) {
			refund(gateway, RefundReason.ORDER_ALREADY_CANCELLED);
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentCancelled event, PaymentGatewayCalls gateway) {
		refund(gateway, RefundReason.CUSTOMER_CANCELLED);
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentFailed event, PaymentGatewayCalls gateway) {
		refund(gateway, RefundReason.SHIPMENT_FAILED);
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentDelivered event) {
		// The money stays with us: nothing left to settle.
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(PaymentRefunded event) {
		// Settled.
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(PaymentRefundFailed event) {
		// Settled as far as this saga can; the failure is visible in the timeline and as
		// a metric.
	}

	private void refund(PaymentGatewayCalls gateway, RefundReason reason) {
		if (!refundStarted && authorizationId != null) {
			refundStarted = true;
			gateway.refund(paymentId, authorizationId, amount, reason);
		}
	}

}

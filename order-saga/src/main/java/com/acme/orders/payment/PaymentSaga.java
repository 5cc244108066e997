package com.acme.orders.payment;

import java.time.Duration;
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
 * timed-out payment waits for the gateway's last possible answer before the saga ends. A
 * refund whose outcome is overdue (the process died while it was under way) is asked for
 * again, under the same idempotency key.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
public class PaymentSaga {

	static final String ORDER_ID = "orderId";

	static final String PAYMENT_TIMEOUT = "payment-timeout";

	static final String LAST_ANSWER = "payment-last-gateway-answer";

	static final String REFUND_ANSWER = "payment-refund-answer";

	/** Beyond the worst case of a refund call, before its outcome counts as lost. */
	private static final Duration REFUND_ANSWER_MARGIN = Duration.ofSeconds(5);

	private UUID orderId;

	private UUID paymentId;

	private Money amount;

	private String authorizationId;

	private boolean gatewayAnswered;

	private boolean orderCancelled;

	private boolean refundStarted;

	private RefundReason refundReason;

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
	void on(PaymentAuthorized event, PaymentGatewayCalls gateway, DeadlineManager deadlines, PaymentSettings settings) {
		gatewayAnswered = true;
		authorizationId = event.authorizationId();
		if (orderCancelled) {
			refund(gateway, deadlines, settings, RefundReason.ORDER_ALREADY_CANCELLED);
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderCancelled event, PaymentGatewayCalls gateway, DeadlineManager deadlines, PaymentSettings settings) {
		orderCancelled = true;
		if (authorizationId != null) {
			refund(gateway, deadlines, settings, RefundReason.ORDER_ALREADY_CANCELLED);
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentCancelled event, PaymentGatewayCalls gateway, DeadlineManager deadlines, PaymentSettings settings) {
		refund(gateway, deadlines, settings, RefundReason.CUSTOMER_CANCELLED);
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentFailed event, PaymentGatewayCalls gateway, DeadlineManager deadlines, PaymentSettings settings) {
		refund(gateway, deadlines, settings, RefundReason.SHIPMENT_FAILED);
	}

	/**
	 * The refund's outcome never came back: the process that waited for it died. Asked
	 * again under the same payment id, the gateway answers for the same refund; the saga
	 * ends when an outcome is recorded, and this deadline then finds no saga.
	 */
	@DeadlineHandler(deadlineName = REFUND_ANSWER)
	void on(PaymentDeadlines.RefundAnswer deadline, PaymentGatewayCalls gateway, DeadlineManager deadlines,
			PaymentSettings settings) {
		askForRefund(gateway, deadlines, settings);
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

	private void refund(PaymentGatewayCalls gateway, DeadlineManager deadlines, PaymentSettings settings,
			RefundReason reason) {
		if (!refundStarted && authorizationId != null) {
			refundStarted = true;
			refundReason = reason;
			askForRefund(gateway, deadlines, settings);
		}
	}

	/**
	 * Asks the gateway for the refund, and for a second look once its outcome is overdue.
	 */
	private void askForRefund(PaymentGatewayCalls gateway, DeadlineManager deadlines, PaymentSettings settings) {
		gateway.refund(paymentId, authorizationId, amount, refundReason);
		deadlines.schedule(settings.lastGatewayAnswer().plus(REFUND_ANSWER_MARGIN), REFUND_ANSWER,
				new PaymentDeadlines.RefundAnswer(paymentId));
	}

}

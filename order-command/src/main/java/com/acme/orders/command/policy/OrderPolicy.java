package com.acme.orders.command.policy;

import java.util.UUID;

import com.acme.orders.command.CompleteCancellation;
import com.acme.orders.command.MarkOrderDelivered;
import com.acme.orders.command.MarkOrderPaid;
import com.acme.orders.command.MarkOrderShipped;
import com.acme.orders.command.RejectCancellation;
import com.acme.orders.events.order.CancellationReason;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentDeclined;
import com.acme.orders.events.payment.PaymentRefundFailed;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.PaymentTimedOut;
import com.acme.orders.events.payment.RefundReason;
import com.acme.orders.events.shipping.ShipmentCancellationRejected;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentDispatched;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import org.springframework.stereotype.Component;

/**
 * How the order follows what the payment and shipping contexts report. Each event becomes
 * one command to the Order; the Order ignores what it already knows, so redelivered and
 * late events change nothing. Never replayed: replaying would re-issue commands.
 */
@Component
@ProcessingGroup(OrderPolicy.PROCESSING_GROUP)
@DisallowReplay
class OrderPolicy {

	static final String PROCESSING_GROUP = "order-policy";

	private final OrderPolicyCommands commands;

	OrderPolicy(OrderPolicyCommands commands) {
		this.commands = commands;
	}

	@EventHandler
	void on(PaymentAuthorized event) {
		commands.sendAndWait(new MarkOrderPaid(event.orderId(), event.paymentId()));
	}

	@EventHandler
	void on(PaymentDeclined event) {
		commands.sendAndWait(new CompleteCancellation(event.orderId(), CancellationReason.PAYMENT_DECLINED));
	}

	@EventHandler
	void on(PaymentTimedOut event) {
		commands.sendAndWait(new CompleteCancellation(event.orderId(), CancellationReason.PAYMENT_TIMEOUT));
	}

	@EventHandler
	void on(PaymentRefunded event) {
		cancelAfterRefund(event.orderId(), event.reason());
	}

	/**
	 * The money could not be given back; the order is cancelled all the same and the
	 * failure is left to people.
	 */
	@EventHandler
	void on(PaymentRefundFailed event) {
		cancelAfterRefund(event.orderId(), event.reason());
	}

	@EventHandler
	void on(ShipmentDispatched event) {
		commands.sendAndWait(new MarkOrderShipped(event.orderId(), event.trackingNumber()));
	}

	@EventHandler
	void on(ShipmentDelivered event) {
		commands.sendAndWait(new MarkOrderDelivered(event.orderId()));
	}

	@EventHandler
	void on(ShipmentCancellationRejected event) {
		commands.sendAndWait(new RejectCancellation(event.orderId(), event.reason()));
	}

	private void cancelAfterRefund(UUID orderId, RefundReason reason) {
		switch (reason) {
			case CUSTOMER_CANCELLED ->
				commands.sendAndWait(new CompleteCancellation(orderId, CancellationReason.CUSTOMER_REQUEST));
			case SHIPMENT_FAILED ->
				commands.sendAndWait(new CompleteCancellation(orderId, CancellationReason.SHIPMENT_FAILED));
			case ORDER_ALREADY_CANCELLED -> {
				// The order was cancelled before the money arrived; nothing left to do
				// for it.
			}
		}
	}

}

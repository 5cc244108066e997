package com.acme.orders.payment;

import java.util.Map;
import java.util.UUID;

import com.acme.orders.events.Money;
import com.acme.orders.events.payment.RefundReason;
import com.acme.orders.platform.axon.SystemCommands;
import com.acme.orders.platform.ports.ResilientCalls;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Calls the payment gateway for the payment saga and reports each outcome back to the
 * Payment aggregate as a command, so that no saga waits on the gateway while holding its
 * lock. The payment id is the idempotency key of its authorization and of its refund.
 */
@Component
public class PaymentGatewayCalls {

	private final PaymentGateway gateway;

	private final ResilientCalls calls;

	private final PaymentCommands commands;

	private final MeterRegistry meters;

	PaymentGatewayCalls(PaymentGateway gateway, ResilientCalls paymentGatewayResilience, PaymentCommands commands,
			MeterRegistry meters) {
		this.gateway = gateway;
		this.calls = paymentGatewayResilience;
		this.commands = commands;
		this.meters = meters;
	}

	void authorize(UUID paymentId, Money amount) {
		Map<String, Object> conversation = SystemCommands.currentConversation();
		calls.call("authorize", () -> gateway.authorize(paymentId, amount)).whenComplete((result, failure) -> {
			if (result instanceof PaymentGateway.Authorized authorized) {
				commands.send(new RecordAuthorization(paymentId, authorized.authorizationId()), conversation);
			}
			else if (result instanceof PaymentGateway.Declined declined) {
				commands.send(new RecordDecline(paymentId, declined.reason()), conversation);
			}
			// No answer at all is left to the payment timeout.
		});
	}

	void refund(UUID paymentId, String authorizationId, Money amount, RefundReason reason) {
		Map<String, Object> conversation = SystemCommands.currentConversation();
		calls.call("refund", () -> gateway.refund(paymentId, authorizationId, amount))
			.whenComplete((refundId, failure) -> {
				if (failure == null) {
					commands.send(new RecordRefund(paymentId, reason, refundId), conversation);
				}
				else {
					meters.counter("orders.payment.refunds.failed").increment();
					commands.send(new RecordRefundFailure(paymentId, reason, failure.toString()), conversation);
				}
			});
	}

}

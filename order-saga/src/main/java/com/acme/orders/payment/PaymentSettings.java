package com.acme.orders.payment;

import java.time.Duration;

import com.acme.orders.platform.ports.ResilientCalls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the payment context waits for money.
 *
 * @param timeout how long an authorization may take before the payment times out and the
 * order is cancelled
 * @param gateway how each gateway call is tried
 */
@ConfigurationProperties("orders.payment")
public record PaymentSettings(Duration timeout, ResilientCalls.Settings gateway) {

	/** After this, no answer to an authorization can still arrive. */
	Duration lastGatewayAnswer() {
		return gateway.worstCase();
	}

}

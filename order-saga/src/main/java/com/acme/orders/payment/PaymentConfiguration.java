package com.acme.orders.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.acme.orders.platform.axon.AggregateCaches;
import com.acme.orders.platform.axon.RecentAggregates;
import com.acme.orders.platform.ports.DaemonThreads;
import com.acme.orders.platform.ports.ResilientCalls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the payment context: its timeout, how hard gateway calls are tried, and the
 * simulated gateway that stands in until a real adapter is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PaymentSettings.class, PaymentConfiguration.SimulatorProperties.class })
class PaymentConfiguration {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService paymentScheduler() {
		return Executors.newScheduledThreadPool(2, DaemonThreads.named("payment-gateway-simulator"));
	}

	@Bean(destroyMethod = "close")
	ResilientCalls paymentGatewayResilience(PaymentSettings settings, Clock clock) {
		return ResilientCalls.create("payment-gateway", settings.gateway(), clock);
	}

	@Bean
	@ConditionalOnMissingBean(PaymentGateway.class)
	PaymentGateway simulatedPaymentGateway(SimulatorProperties simulator, ScheduledExecutorService paymentScheduler) {
		return new SimulatedPaymentGateway(simulator.declineAbove(), simulator.unresponsiveForAmount(),
				simulator.failingForAmount(), simulator.refundFailingForAmount(), simulator.latency(),
				paymentScheduler);
	}

	/** Payments used lately, kept in memory: see {@link RecentAggregates}. */
	@Bean
	RecentAggregates paymentCache(AggregateCaches caches) {
		return caches.forType("payment");
	}

	/**
	 * The simulated gateway's behaviour.
	 *
	 * @param declineAbove amounts above it are declined
	 * @param unresponsiveForAmount a payment of exactly this amount never gets an answer
	 * (unset: none)
	 * @param failingForAmount the authorization of exactly this amount always fails
	 * (unset: none)
	 * @param refundFailingForAmount the refund of exactly this amount always fails
	 * (unset: none)
	 * @param latency how long every answer takes
	 */
	@ConfigurationProperties("orders.payment.simulator")
	record SimulatorProperties(@DefaultValue("5000.00") BigDecimal declineAbove, BigDecimal unresponsiveForAmount,
			BigDecimal failingForAmount, BigDecimal refundFailingForAmount, @DefaultValue("50ms") Duration latency) {
	}

}

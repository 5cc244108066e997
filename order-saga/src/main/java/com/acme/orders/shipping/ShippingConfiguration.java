package com.acme.orders.shipping;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.acme.orders.platform.axon.AggregateCaches;
import com.acme.orders.platform.axon.RecentAggregates;
import com.acme.orders.platform.ports.ResilientCalls;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the shipping context: how carrier calls are tried, and the simulated carrier
 * that stands in until a real adapter is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ShippingConfiguration.CarrierProperties.class,
		ShippingConfiguration.SimulatorProperties.class })
class ShippingConfiguration {

	@Bean(destroyMethod = "close")
	ResilientCalls carrierResilience(CarrierProperties properties, Clock clock) {
		return ResilientCalls.create("carrier", properties.calls(), clock);
	}

	@Bean
	@ConditionalOnMissingBean(Carrier.class)
	SimulatedCarrier simulatedCarrier(SimulatorProperties simulator, ObjectProvider<SchedulerClient> scheduler,
			CarrierReports reports, Clock clock) {
		return new SimulatedCarrier(
				new SimulatedCarrier.Settings(simulator.unserviceableCountries(), simulator.lostInTransitPostalCodes(),
						simulator.dispatchAfter(), simulator.deliverAfter()),
				new PersistentReportSchedule(scheduler::getObject, clock), reports, clock);
	}

	/** The simulated carrier's due reports; idle when a real carrier is configured. */
	@Bean
	OneTimeTask<SimulatedCarrier.PlannedReport> simulatedCarrierReports(ObjectProvider<SimulatedCarrier> carrier) {
		return PersistentReportSchedule.task(carrier::getObject);
	}

	/** Shipments used lately, kept in memory: see {@link RecentAggregates}. */
	@Bean
	RecentAggregates shipmentCache(AggregateCaches caches) {
		return caches.forType("shipment");
	}

	/**
	 * @param calls how each call to the carrier is tried
	 */
	@ConfigurationProperties("orders.shipping.carrier")
	record CarrierProperties(ResilientCalls.Settings calls) {
	}

	/**
	 * The simulated carrier's behaviour.
	 *
	 * @param unserviceableCountries shipments to these countries fail
	 * @param lostInTransitPostalCodes shipments to these postal codes are lost after
	 * dispatch
	 * @param dispatchAfter time from creation to dispatch
	 * @param deliverAfter time from dispatch to delivery
	 */
	@ConfigurationProperties("orders.shipping.simulator")
	record SimulatorProperties(@DefaultValue("AQ") Set<String> unserviceableCountries,
			@DefaultValue Set<String> lostInTransitPostalCodes, @DefaultValue("500ms") Duration dispatchAfter,
			@DefaultValue("1s") Duration deliverAfter) {
	}

}

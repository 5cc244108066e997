package com.acme.orders.query;

import com.acme.orders.platform.axon.PropertySequencing;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the order read model.
 */
@Configuration(proxyBeanMethods = false)
class OrderQueryConfiguration {

	/**
	 * All events of one order, from every context, are projected one after another in
	 * store order.
	 */
	@Bean
	SequencingPolicy<EventMessage<?>> orderSummarySequencing() {
		return new PropertySequencing("orderId");
	}

}

package com.acme.orders.platform.axon;

import java.util.ServiceLoader;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Registers the upcasters that event modules ship (listed in
 * {@code META-INF/services/org.axonframework.serialization.upcasting.event.EventUpcaster},
 * in the order they must run), so that every service reads historic events the same way,
 * in aggregates and projections alike.
 */
final class ShippedUpcasters implements ConfigurerModule {

	@Override
	public void configureModule(org.axonframework.config.Configurer configurer) {
		ServiceLoader.load(EventUpcaster.class, getClass().getClassLoader())
			.forEach(upcaster -> configurer.registerEventUpcaster(configuration -> upcaster));
	}

}

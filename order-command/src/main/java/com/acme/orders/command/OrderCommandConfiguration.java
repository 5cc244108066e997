package com.acme.orders.command;

import java.util.UUID;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the order aggregate: how often it is snapshotted and where new order ids come
 * from.
 */
@Configuration(proxyBeanMethods = false)
class OrderCommandConfiguration {

	/** An order is loaded from its latest snapshot plus at most this many events. */
	@Bean
	SnapshotTriggerDefinition orderSnapshotTrigger(Snapshotter snapshotter,
			@Value("${orders.snapshot.threshold:50}") int threshold) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
	}

	@Bean
	@ConditionalOnMissingBean
	OrderIdGenerator orderIdGenerator() {
		return UUID::randomUUID;
	}

}

package com.acme.orders.command;

import com.acme.orders.platform.axon.AggregateCaches;
import com.acme.orders.platform.axon.PropertySequencing;
import com.acme.orders.platform.axon.RecentAggregates;
import com.acme.orders.platform.ids.RandomUuids;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the order context: snapshots, the order policy's sequencing, and new order
 * ids.
 */
@Configuration(proxyBeanMethods = false)
class OrderCommandConfiguration {

	/** An order is loaded from its latest snapshot plus at most this many events. */
	@Bean
	SnapshotTriggerDefinition orderSnapshotTrigger(Snapshotter snapshotter,
			@Value("${orders.snapshot.threshold:50}") int threshold) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
	}

	/**
	 * Payment and shipping events of one order reach the order policy one at a time, in
	 * order.
	 */
	@Bean
	SequencingPolicy<EventMessage<?>> orderPolicySequencing() {
		return new PropertySequencing("orderId");
	}

	@Bean
	@ConditionalOnMissingBean
	OrderIdGenerator orderIdGenerator() {
		return RandomUuids::next;
	}

	/** Orders used lately, kept in memory: see {@link RecentAggregates}. */
	@Bean
	RecentAggregates orderCache(AggregateCaches caches) {
		return caches.forType("order");
	}

}

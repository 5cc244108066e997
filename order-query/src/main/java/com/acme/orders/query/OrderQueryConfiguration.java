package com.acme.orders.query;

import com.acme.orders.platform.axon.PropertySequencing;
import com.acme.orders.platform.projection.BatchedWrites;
import com.acme.orders.platform.projection.RebuildableProjection;
import com.acme.orders.platform.projection.RebuildableProjection.ProcessorSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wiring of the order read model: a projection that can be rebuilt without read downtime.
 */
@Configuration(proxyBeanMethods = false)
class OrderQueryConfiguration {

	@Bean
	OrderReadModel orderReadModel(JdbcClient jdbc, BatchedWrites writes, JsonMapper json) {
		return new OrderReadModel(jdbc, writes, json);
	}

	/**
	 * All events of one order, from every context, are projected one after another in
	 * store order; different orders in parallel segments.
	 */
	@Bean
	RebuildableProjection orderSummaryProjection(OrderReadModel readModel,
			@Value("${orders.projections.order-summary.segments}") int segments,
			@Value("${orders.projections.order-summary.threads}") int threads,
			@Value("${orders.projections.order-summary.batch-size}") int batchSize) {
		return new RebuildableProjection(OrderReadModel.PROJECTION, OrderReadModel.TABLES, readModel::eventHandlers,
				new PropertySequencing("orderId"), new ProcessorSettings(segments, threads, batchSize));
	}

}

package com.acme.orders.platform.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.acme.orders.platform.axon.PromptEventSource;
import com.acme.orders.platform.projection.web.DeadLetterAdminController;
import com.acme.orders.platform.projection.web.ProjectionAdminController;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zero-downtime rebuilds for every {@link RebuildableProjection} bean of a service: both
 * slots registered with Axon, the replay monitor, and the admin API.
 */
@AutoConfiguration
@ConditionalOnBean(RebuildableProjection.class)
@Import({ ProjectionAdminController.class, DeadLetterAdminController.class })
public class ProjectionAutoConfiguration {

	/** Starting, cancelling and finishing replays of this application take turns. */
	private final Object replayLock = new Object();

	@Bean
	ProjectionSlots projectionSlots(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		TransactionTemplate read = new TransactionTemplate(transactions);
		read.setReadOnly(true);
		return new ProjectionSlots(jdbc, read, new TransactionTemplate(transactions), clock);
	}

	@Bean
	DeadLetterQueues projectionDeadLetterQueues(ConnectionProvider connections, TransactionManager transactions,
			DeadLetterSchema schema, Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
		return new DeadLetterQueues(connections, transactions, schema, serializer, eventSerializer);
	}

	@Bean
	BatchedWrites projectionBatchedWrites(JdbcOperations jdbc, ReadModelCommits readModelCommits) {
		return new BatchedWrites(jdbc, readModelCommits);
	}

	@Bean
	ReadModelCommits readModelCommits() {
		return new ReadModelCommits();
	}

	@Bean
	ConfigurerModule rebuildableProjectionsModule(List<RebuildableProjection> projections, ProjectionSlots slots,
			DeadLetterQueues deadLetterQueues, DataSource dataSource, BatchedWrites writes,
			ObjectProvider<PromptEventSource> events) {
		return new RebuildableProjectionsModule(projections, slots, deadLetterQueues, dataSource, writes,
				events::getObject);
	}

	@Bean
	DeadLetters projectionDeadLetters(EventProcessingConfiguration processing,
			List<RebuildableProjection> projections) {
		return new DeadLetters(processing, projections);
	}

	@Bean
	SlotProcessors slotProcessors(List<RebuildableProjection> projections, EventProcessingConfiguration processing) {
		return new SlotProcessors(projections, processing);
	}

	@Bean
	DeferredIndexes deferredIndexes(JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new DeferredIndexes(jdbc, new TransactionTemplate(transactions));
	}

	@Bean
	ReplayLog replayLog(JdbcClient jdbc) {
		return new ReplayLog(jdbc);
	}

	@Bean
	EventStorePositions eventStorePositions(EventStore eventStore, JdbcClient jdbc) {
		return new EventStorePositions(eventStore, jdbc);
	}

	@Bean
	ProjectionReplays projectionReplays(SlotProcessors processors, ProjectionSlots slots, ReplayLog replays,
			EventStorePositions store, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			DeferredIndexes indexes) {
		return new ProjectionReplays(processors, slots, replays, store, jdbc, new TransactionTemplate(transactions),
				clock, replayLock, indexes);
	}

	@Bean
	ReplayMonitor replayMonitor(SlotProcessors processors, ProjectionSlots slots, ReplayLog replays,
			EventStorePositions store, Clock clock,
			@Value("${orders.projections.replay-check-interval:250ms}") Duration checkInterval,
			DeferredIndexes indexes) {
		return new ReplayMonitor(processors, slots, replays, store, clock, checkInterval, replayLock, indexes);
	}

	@Bean
	ProjectionMetrics projectionMetrics(ProjectionReplays replays, List<RebuildableProjection> projections) {
		return new ProjectionMetrics(replays, projections.stream().map(RebuildableProjection::name).toList());
	}

	@Bean
	@ConditionalOnProperty("orders.projections.replay-on-start")
	ReplayOnStart replayOnStart(ProjectionReplays replays,
			@Value("${orders.projections.replay-on-start}") List<String> projections) {
		return new ReplayOnStart(replays, projections);
	}

}

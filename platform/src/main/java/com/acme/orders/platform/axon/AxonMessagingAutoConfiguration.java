package com.acme.orders.platform.axon;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.acme.orders.platform.ports.DaemonThreads;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;

/**
 * How commands and events flow: a command gateway that retries lost concurrency races,
 * metadata on every message, and event handlers whose failures stop the processor instead
 * of being logged and skipped.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(AxonMessagingAutoConfiguration.CommandRetryProperties.class)
public class AxonMessagingAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService commandRetryExecutor() {
		return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("command-retry"));
	}

	@Bean
	CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
			CommandRetryProperties retry) {
		return DefaultCommandGateway.builder()
			.commandBus(commandBus)
			.retryScheduler(
					new ConcurrencyRetryScheduler(commandRetryExecutor, retry.maxRetries(), retry.intervalMillis()))
			.dispatchInterceptors(new RequestMetadataInterceptor())
			.build();
	}

	@Bean
	EventStoreGapMetrics eventStoreGapMetrics(EventProcessingConfiguration processing,
			ObjectProvider<MeterRegistry> registry) {
		return new EventStoreGapMetrics(processing, registry);
	}

	@Bean
	AggregateCaches aggregateCaches(ObjectProvider<EventStore> eventStore,
			@Value("${orders.aggregate-cache.size:4096}") int size) {
		return new AggregateCaches(eventStore, size);
	}

	/**
	 * The one resolver in the context: Axon gives it to every aggregate that names none.
	 */
	@Bean
	CommandTargets commandTargets() {
		return new CommandTargets();
	}

	@Bean
	RecentAggregatesMetrics recentAggregatesMetrics(ObjectProvider<RecentAggregates> caches) {
		return new RecentAggregatesMetrics(caches);
	}

	@Bean
	CorrelationDataProvider correlationAndCausation() {
		return new CorrelationAndCausation();
	}

	@Bean
	ConfigurerModule propagateEventHandlerFailures() {
		return configurer -> configurer.eventProcessing()
			.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
	}

	@Bean
	ConfigurerModule shippedUpcasters() {
		return new ShippedUpcasters();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Bounded retries of commands that lost an optimistic-concurrency race.
	 *
	 * @param maxRetries retries after the first attempt
	 * @param intervalMillis pause between attempts
	 */
	@ConfigurationProperties("orders.commands.retry")
	public record CommandRetryProperties(@DefaultValue("3") int maxRetries, @DefaultValue("20") int intervalMillis) {
	}

}

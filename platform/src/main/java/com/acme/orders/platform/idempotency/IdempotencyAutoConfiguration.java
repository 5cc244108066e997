package com.acme.orders.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.CommandBus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} for every service whose controllers answer commands through a
 * {@link CommandResponses} bean.
 */
@AutoConfiguration(afterName = { "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration" })
@ConditionalOnWebApplication
@ConditionalOnBean({ CommandBus.class, JdbcClient.class })
@EnableConfigurationProperties(IdempotencyAutoConfiguration.IdempotencyProperties.class)
@Import(IdempotencyProblems.class)
public class IdempotencyAutoConfiguration {

	@Bean
	IdempotencyKeys idempotencyKeys(JdbcClient jdbc, JsonMapper json, ObjectProvider<Clock> clock,
			IdempotencyProperties properties) {
		return new IdempotencyKeys(jdbc, json, clock.getIfAvailable(Clock::systemUTC), properties.retention());
	}

	@Bean
	IdempotencyKeyCleanup idempotencyKeyCleanup(IdempotencyKeys keys, IdempotencyProperties properties) {
		return new IdempotencyKeyCleanup(keys, properties.cleanupInterval());
	}

	/** After the rate limit (itself after Spring Security): a caller is known by then. */
	@Bean
	FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyKeys keys) {
		FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyKeyFilter(keys));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 90);
		return registration;
	}

	/** Commands dispatched while handling a request carry its key into their handling. */
	@Bean
	SmartInitializingSingleton idempotentCommands(CommandBus commandBus, IdempotencyKeys keys,
			List<CommandResponses> responses) {
		return () -> {
			commandBus.registerDispatchInterceptor(new IdempotentRequestDispatchInterceptor());
			commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(keys, responses));
		};
	}

	/**
	 * @param retention how long a key and its answer count
	 * @param cleanupInterval how often expired keys are deleted
	 */
	@ConfigurationProperties("orders.idempotency")
	public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
			@DefaultValue("1h") Duration cleanupInterval) {
	}

}

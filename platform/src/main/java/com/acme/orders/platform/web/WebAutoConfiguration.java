package com.acme.orders.platform.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Registers the shared problem-details advice, the correlation-id filter and the
 * per-caller command rate limit in every service.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication
@Import(ApiProblemHandler.class)
public class WebAutoConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		// Before Spring Security, so that even a rejected request logs and answers with
		// its correlation id.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Before authentication: an oversized body is refused without reading it. */
	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
			@Value("${orders.web.max-request-body-bytes:65536}") long limit) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(limit));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<JsonAcceptedFilter> jsonAcceptedFilter() {
		FilterRegistrationBean<JsonAcceptedFilter> registration = new FilterRegistrationBean<>(
				new JsonAcceptedFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	JsonMapperBuilderCustomizer strictJsonMapper() {
		return StrictJson.mapper();
	}

	@Bean
	JsonFactoryBuilderCustomizer strictJsonFactory() {
		return StrictJson.factory();
	}

	/** After Spring Security (order -100), which has established the caller by then. */
	@Bean
	FilterRegistrationBean<CommandRateLimitFilter> commandRateLimitFilter(
			@Value("${orders.rate-limit.commands-per-second:50}") double perSecond,
			@Value("${orders.rate-limit.burst:100}") int burst, ObjectProvider<Clock> clock) {
		FilterRegistrationBean<CommandRateLimitFilter> registration = new FilterRegistrationBean<>(
				new CommandRateLimitFilter(perSecond, burst, clock.getIfAvailable(Clock::systemUTC)));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

}

package com.acme.orders.platform.postgres;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the user configured no database of their own
 * ({@code spring.datasource.url} is not set).
 */
class NoDataSourceConfigured extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		return (url == null || url.isBlank()) ? ConditionOutcome.match("spring.datasource.url is not set")
				: ConditionOutcome.noMatch("spring.datasource.url is set");
	}

}

package com.acme.orders.platform.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Puts Axon 4.13's JDBC and transaction auto-configurations after Spring Boot 4's
 * DataSource ones. Axon orders itself after the Boot 2/3 class names, which moved in Boot
 * 4; without this empty configuration its {@code @ConditionalOnBean(DataSource)} checks
 * run too early and Axon silently falls back to an in-memory token store and no
 * transactions (fixed upstream only in Axon 5).
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" },
		beforeName = { "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
				"org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
				"org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration" })
public class AxonOnBoot4Ordering {

}

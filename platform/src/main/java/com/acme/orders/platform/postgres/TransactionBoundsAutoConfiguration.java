package com.acme.orders.platform.postgres;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Bounds every transaction of the application in PostgreSQL ({@link TransactionBounds}),
 * but not Flyway's: a migration may take as long as it needs, on connections of its own.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
@EnableConfigurationProperties(TransactionBounds.class)
public class TransactionBoundsAutoConfiguration {

	/** Static, and bound straight from the environment: it must exist before the pool. */
	@Bean
	static BoundedConnections boundedConnections(Environment environment) {
		return new BoundedConnections(bounds(environment));
	}

	@Bean
	FlywayConfigurationCustomizer unboundedMigrations(DataSource dataSource) {
		return configuration -> {
			if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
				configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
			}
		};
	}

	static TransactionBounds bounds(Environment environment) {
		return Binder.get(environment).bindOrCreate("orders.postgres", TransactionBounds.class);
	}

}

package com.acme.orders.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no database configured, the backend brings its own: an embedded PostgreSQL whose
 * data is kept across restarts. Setting {@code spring.datasource.url} switches this off
 * and Spring Boot connects to that server instead.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(NoDataSourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	@Bean
	DurableEmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
		return DurableEmbeddedPostgres.start(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DurableEmbeddedPostgres embeddedPostgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(embeddedPostgres.jdbcUrl());
		dataSource.setUsername(embeddedPostgres.username());
		return dataSource;
	}

}

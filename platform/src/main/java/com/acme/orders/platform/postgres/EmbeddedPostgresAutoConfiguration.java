package com.acme.orders.platform.postgres;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With no database configured, the backend brings its own: an embedded PostgreSQL whose
 * data is kept across restarts. Setting {@code spring.datasource.url} switches this off
 * and Spring Boot connects to that server instead. Either way, start-up says whether the
 * server keeps what it commits ({@link DurabilityCheck}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	@Bean
	@Conditional(NoDataSourceConfigured.class)
	DurableEmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
		return DurableEmbeddedPostgres.start(properties);
	}

	@Bean
	@Conditional(NoDataSourceConfigured.class)
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DurableEmbeddedPostgres embeddedPostgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(embeddedPostgres.jdbcUrl());
		dataSource.setUsername(embeddedPostgres.username());
		return dataSource;
	}

	/** Checks whichever PostgreSQL is in use, embedded or configured. */
	@Bean
	DurabilityCheck postgresDurabilityCheck(DataSource dataSource) {
		return new DurabilityCheck(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnProperty("spring.datasource.url")
	InitializingBean announceConfiguredPostgres(Environment environment) {
		return () -> log.info("Using the PostgreSQL configured in spring.datasource.url: {}",
				environment.getProperty("spring.datasource.url").replaceAll("password=[^&]*", "password=***"));
	}

}

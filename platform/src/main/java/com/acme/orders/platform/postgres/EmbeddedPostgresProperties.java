package com.acme.orders.platform.postgres;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data and which port it serves.
 *
 * @param dataDirectory kept across restarts; holds PostgreSQL 17 data files
 * @param port fixed, so that tools such as psql find the server at a known address
 * @param database the database the backend uses inside the server
 */
@ConfigurationProperties("orders.embedded-postgres")
public record EmbeddedPostgresProperties(@DefaultValue("./data/postgres") Path dataDirectory,
		@DefaultValue("54329") int port, @DefaultValue("orders") String database) {
}

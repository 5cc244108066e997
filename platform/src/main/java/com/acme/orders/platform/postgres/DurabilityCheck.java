package com.acme.orders.platform.postgres;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Says loudly at start-up when the PostgreSQL in use may lose committed transactions on a
 * crash: {@code fsync}, {@code synchronous_commit} or {@code full_page_writes} off. A
 * command answered 2xx must survive a crash, and with these off it may not.
 */
class DurabilityCheck implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

	private final JdbcClient jdbc;

	DurabilityCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		for (String setting : unsafeSettings()) {
			log.error("PostgreSQL runs with {}: a crash can lose commands that were already answered 2xx. "
					+ "Turn it on for anything but throw-away data.", setting);
		}
	}

	/**
	 * The durability settings that are off, as {@code name=value}, as this session sees
	 * them.
	 */
	List<String> unsafeSettings() {
		return jdbc.sql("""
				select name || '=' || setting from pg_settings
				where name in ('fsync', 'synchronous_commit', 'full_page_writes') and setting = 'off'
				order by name
				""").query(String.class).list();
	}

}

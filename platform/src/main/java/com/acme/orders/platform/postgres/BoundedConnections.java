package com.acme.orders.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every connection of the application's Hikari pool the {@link TransactionBounds},
 * as it is opened. A pool that already runs cannot be changed; that is logged.
 */
class BoundedConnections implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(BoundedConnections.class);

	private final TransactionBounds bounds;

	BoundedConnections(TransactionBounds bounds) {
		this.bounds = bounds;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool) {
			String own = pool.getConnectionInitSql();
			try {
				pool.setConnectionInitSql((own == null) ? bounds.sessionSql() : own + "; " + bounds.sessionSql());
			}
			catch (IllegalStateException ex) {
				log.error(
						"Connection pool {} was started before it could be given transaction bounds; "
								+ "events may be skipped if a transaction outlives the event store's gap timeout",
						beanName);
			}
		}
		return bean;
	}

}

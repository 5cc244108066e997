package com.acme.orders.platform.postgres;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the application's own transactions may take, enforced by PostgreSQL on every
 * pooled connection. A bound on transactions is what makes the event store's gap timeout
 * safe: a transaction that took a global index commits within {@code transactionTimeout}
 * or not at all, so a gap older than that is a rollback, never an event still to come.
 *
 * @param statementTimeout longest single statement
 * @param lockTimeout longest wait for a lock
 * @param idleInTransactionTimeout longest pause inside an open transaction
 * @param transactionTimeout longest transaction (PostgreSQL 17 and later; older servers
 * bound statements and pauses only)
 */
@ConfigurationProperties("orders.postgres")
public record TransactionBounds(@DefaultValue("10s") Duration statementTimeout,
		@DefaultValue("5s") Duration lockTimeout, @DefaultValue("10s") Duration idleInTransactionTimeout,
		@DefaultValue("30s") Duration transactionTimeout) {

	/** PostgreSQL 17 introduced {@code transaction_timeout}. */
	private static final int FIRST_WITH_TRANSACTION_TIMEOUT = 170000;

	/** One statement that sets the bounds for the session it runs in. */
	String sessionSql() {
		return "select set_config('statement_timeout', '" + statementTimeout.toMillis() + "', false), "
				+ "set_config('lock_timeout', '" + lockTimeout.toMillis() + "', false), "
				+ "set_config('idle_in_transaction_session_timeout', '" + idleInTransactionTimeout.toMillis()
				+ "', false), case when current_setting('server_version_num')::int >= " + FIRST_WITH_TRANSACTION_TIMEOUT
				+ " then set_config('transaction_timeout', '" + transactionTimeout.toMillis() + "', false) end";
	}

}

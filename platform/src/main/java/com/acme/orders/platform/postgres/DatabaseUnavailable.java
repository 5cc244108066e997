package com.acme.orders.platform.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means the database cannot be reached right now (down,
 * restarting, out of connections), wherever it sits in the cause chain: Axon and the
 * gateways wrap what JDBC threw.
 */
public final class DatabaseUnavailable {

	/** PostgreSQL's connection errors (class 08) and shutdown errors (57P01 to 57P03). */
	private static final String CONNECTION_CLASS = "08";

	/**
	 * What HikariCP throws, with no SQLState, for a statement on a connection it has
	 * already closed because the server went away under the transaction.
	 */
	private static final String CLOSED_BY_THE_POOL = "Connection is closed";

	private DatabaseUnavailable() {
	}

	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof TransactionSystemException) {
				// The commit or the rollback itself failed: the connection went away
				// under
				// the transaction. After a failed commit Spring reports the failed
				// rollback,
				// on a connection the pool has closed, and only logs the commit's error.
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith(CONNECTION_CLASS) || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() == null
					&& CLOSED_BY_THE_POOL.equals(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}

}

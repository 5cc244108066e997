package com.acme.orders.platform.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Handles each event inside a savepoint of the batch's transaction. When a handler's SQL
 * fails, PostgreSQL refuses every later statement of the transaction; rolling back to the
 * savepoint undoes only that event's writes, so the dead-letter queue can park it and the
 * rest of the batch goes on.
 */
class SavepointEventHandler implements EventMessageHandler {

	private final EventMessageHandler delegate;

	private final DataSource dataSource;

	private final String processorName;

	SavepointEventHandler(EventMessageHandler delegate, DataSource dataSource, String processorName) {
		this.delegate = delegate;
		this.dataSource = dataSource;
		this.processorName = processorName;
	}

	String processorName() {
		return processorName;
	}

	@Override
	public Object handle(EventMessage<?> event) throws Exception {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		if (connection.getAutoCommit()) {
			return delegate.handle(event);
		}
		Savepoint savepoint = connection.setSavepoint();
		try {
			Object result = delegate.handle(event);
			connection.releaseSavepoint(savepoint);
			return result;
		}
		catch (Exception ex) {
			rollBack(connection, savepoint, ex);
			throw ex;
		}
	}

	private static void rollBack(Connection connection, Savepoint savepoint, Exception failure) {
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	@Override
	public boolean canHandle(EventMessage<?> event) {
		return delegate.canHandle(event);
	}

	@Override
	public boolean canHandleType(Class<?> payloadType) {
		return delegate.canHandleType(payloadType);
	}

	@Override
	public Class<?> getTargetType() {
		return delegate.getTargetType();
	}

	@Override
	public <R> void prepareReset(R resetContext) {
		delegate.prepareReset(resetContext);
	}

	@Override
	public boolean supportsReset() {
		return delegate.supportsReset();
	}

}

package com.acme.orders.platform.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Lets the dead-letter queue park one failing event without losing the rest of its batch,
 * at no cost to batches that do not fail.
 * <p>
 * Events are handled straight in the batch's transaction, their {@link BatchedWrites}
 * sent when it commits. When one fails, PostgreSQL refuses every later statement of that
 * transaction, so the failure fails the whole batch ({@link RetryInSavepoints}: the
 * processor rolls it back and handles it again); so does a write that fails when the
 * batch is sent. Either way this handler remembers the batch's last position. On the
 * retry, every event up to that position runs inside a savepoint of its own, its writes
 * sent inside it: rolling back to it undoes only that event's writes, the dead-letter
 * queue parks it and the batch goes on.
 * <p>
 * Why not a savepoint for every event: each one that writes is a subtransaction, and
 * PostgreSQL keeps only 64 of them per transaction in shared memory. A batch of 100
 * overflows that cache, which slows every other transaction's snapshots; replays ran at
 * 600 to 1,800 events/s with a savepoint per event.
 */
class SavepointEventHandler implements EventMessageHandler {

	private static final long NOTHING_FAILED = -1;

	private final EventMessageHandler delegate;

	private final DataSource dataSource;

	private final BatchedWrites writes;

	private final String processorName;

	/** Events at or before this position are handled in savepoints. */
	private final AtomicLong lastFailedPosition = new AtomicLong(NOTHING_FAILED);

	SavepointEventHandler(EventMessageHandler delegate, DataSource dataSource, BatchedWrites writes,
			String processorName) {
		this.delegate = delegate;
		this.dataSource = dataSource;
		this.writes = writes;
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
		OptionalLong position = positionOf(event);
		if (position.isEmpty() || position.getAsLong() <= lastFailedPosition.get()) {
			return handleInSavepoint(connection, event);
		}
		inBatchUpTo(position.getAsLong());
		try {
			return delegate.handle(event);
		}
		catch (Exception ex) {
			throw new RetryInSavepoints(processorName, position.getAsLong(), ex);
		}
	}

	/**
	 * Remembers the batch's last position, to be handled in savepoints up to it if the
	 * batch rolls back.
	 */
	private void inBatchUpTo(long position) {
		UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
		AtomicLong last = batch.getOrComputeResource(SavepointEventHandler.class.getName() + "@" + hashCode(), name -> {
			AtomicLong created = new AtomicLong(NOTHING_FAILED);
			batch.onRollback(rolledBack -> lastFailedPosition.accumulateAndGet(created.get(), Math::max));
			return created;
		});
		last.accumulateAndGet(position, Math::max);
	}

	private Object handleInSavepoint(Connection connection, EventMessage<?> event) throws Exception {
		writes.flush();
		Savepoint savepoint = connection.setSavepoint();
		try {
			Object result = delegate.handle(event);
			writes.flush();
			connection.releaseSavepoint(savepoint);
			return result;
		}
		catch (Exception ex) {
			writes.discardUnsent();
			rollBack(connection, savepoint, ex);
			throw ex;
		}
	}

	private static OptionalLong positionOf(EventMessage<?> event) {
		return (event instanceof TrackedEventMessage<?> tracked) ? tracked.trackingToken().position()
				: OptionalLong.empty();
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

package com.acme.orders.platform.axon;

import java.util.function.Supplier;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The event store's transactions: its writes (appends, snapshots) run in one as Axon
 * makes them; its reads do not start one. Each read is one query, or a few that need not
 * see the same moment (the gaps a tracking token waits for, then the events after it),
 * and under PostgreSQL's read committed every query sees its own snapshot even inside a
 * transaction. A transaction around a read only added a round trip for its
 * {@code COMMIT}, and the embedded store's reader reads after every commit of the
 * process. A read made inside a transaction, as a command loading its aggregate, still
 * runs in it: the store takes its connection from the transaction.
 */
final class ReadsOutsideTransactions implements TransactionManager {

	private final TransactionManager writes;

	ReadsOutsideTransactions(TransactionManager writes) {
		this.writes = writes;
	}

	@Override
	public Transaction startTransaction() {
		return writes.startTransaction();
	}

	@Override
	public void executeInTransaction(Runnable task) {
		writes.executeInTransaction(task);
	}

	/** Axon's JDBC store asks for its reads this way, and only for its reads. */
	@Override
	public <T> T fetchInTransaction(Supplier<T> read) {
		return read.get();
	}

}

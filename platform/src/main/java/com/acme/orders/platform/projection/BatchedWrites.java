package com.acme.orders.platform.projection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Keeps a projection's writes while its processor handles a batch of events, and sends
 * them just before the batch commits as JDBC batches: one round trip per kind of
 * statement rather than one per statement, which is what a replay spends most of its time
 * on.
 * <p>
 * Writes under the same key (an order: its row and everything that depends on it) are
 * sent in the order they were made; writes under different keys may be grouped. Outside
 * an Axon unit of work a write is sent at once. Once a batch's writes are committed,
 * {@link ReadModelCommits} tells the readers waiting for their keys; a write outside a
 * unit of work tells them at once, and they look again.
 */
public class BatchedWrites {

	private static final String RESOURCE = BatchedWrites.class.getName();

	private final NamedParameterJdbcOperations jdbc;

	private final ReadModelCommits commits;

	public BatchedWrites(NamedParameterJdbcOperations jdbc, ReadModelCommits commits) {
		this.jdbc = jdbc;
		this.commits = commits;
	}

	/**
	 * @param key what the write must stay in order with: writes under equal keys are sent
	 * in the order they were made
	 */
	public void write(Object key, String sql, Map<String, ?> params) {
		if (!CurrentUnitOfWork.isStarted()) {
			jdbc.update(sql, params);
			commits.committed(List.of(key));
			return;
		}
		pending().add(new Write(key, sql, params));
	}

	/** Sends what was kept so far now: a savepoint around one event must contain them. */
	void flush() {
		current().ifPresent(pending -> pending.send(jdbc));
	}

	/** Forgets what was kept and not sent: the writes of an event rolled back. */
	void discardUnsent() {
		current().ifPresent(Pending::clear);
	}

	private Optional<Pending> current() {
		return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.root().getResource(RESOURCE));
	}

	private Pending pending() {
		UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
		return batch.getOrComputeResource(RESOURCE, name -> {
			Pending created = new Pending();
			batch.onPrepareCommit(committing -> created.send(jdbc));
			batch.afterCommit(committed -> commits.committed(created.sentKeys));
			return created;
		});
	}

	private record Write(Object key, String sql, Map<String, ?> params) {
	}

	/** The writes of one batch not sent yet. */
	private static final class Pending {

		private List<Write> writes = new ArrayList<>();

		private final Set<Object> sentKeys = new HashSet<>();

		void add(Write write) {
			writes.add(write);
		}

		void clear() {
			writes.clear();
		}

		/**
		 * Sends the writes in rounds: each round takes the first unsent write of every
		 * key and sends them grouped by statement, so a key's writes keep their order.
		 */
		void send(NamedParameterJdbcOperations jdbc) {
			List<Write> unsent = writes;
			writes = new ArrayList<>();
			while (!unsent.isEmpty()) {
				Set<Object> keysInRound = new HashSet<>();
				Map<String, List<Map<String, ?>>> round = new LinkedHashMap<>();
				List<Write> later = new ArrayList<>();
				for (Write write : unsent) {
					sentKeys.add(write.key());
					if (keysInRound.add(write.key())) {
						round.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.params());
					}
					else {
						later.add(write);
					}
				}
				round.forEach((sql, params) -> sendBatch(jdbc, sql, params));
				unsent = later;
			}
		}

		@SuppressWarnings("unchecked")
		private static void sendBatch(NamedParameterJdbcOperations jdbc, String sql, List<Map<String, ?>> params) {
			if (params.size() == 1) {
				jdbc.update(sql, params.get(0));
			}
			else {
				jdbc.batchUpdate(sql, params.toArray(Map[]::new));
			}
		}

	}

}

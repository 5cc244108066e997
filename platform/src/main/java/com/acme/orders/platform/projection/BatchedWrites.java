package com.acme.orders.platform.projection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

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
		SqlParameterSource parameters = new MapParameters(params);
		if (!CurrentUnitOfWork.isStarted()) {
			jdbc.update(sql, parameters);
			commits.committed(List.of(key));
			return;
		}
		pending().add(key, new Write(sql, parameters));
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

	private record Write(String sql, SqlParameterSource parameters) {
	}

	/**
	 * A write's parameters as they were given: Spring's {@code MapSqlParameterSource}
	 * would copy every map, a tenth of a replay's CPU in the processor's threads.
	 */
	private static final class MapParameters extends AbstractSqlParameterSource {

		private final Map<String, ?> values;

		MapParameters(Map<String, ?> values) {
			this.values = values;
		}

		@Override
		public boolean hasValue(String name) {
			return values.containsKey(name);
		}

		@Override
		public Object getValue(String name) {
			if (!values.containsKey(name)) {
				throw new IllegalArgumentException("No value for the parameter " + name);
			}
			return values.get(name);
		}

		@Override
		public String[] getParameterNames() {
			return values.keySet().toArray(String[]::new);
		}

	}

	/** The writes of one batch not sent yet, each key's in the order they were made. */
	private static final class Pending {

		private final Map<Object, ArrayDeque<Write>> unsent = new LinkedHashMap<>();

		private final Set<Object> sentKeys = new HashSet<>();

		void add(Object key, Write write) {
			unsent.computeIfAbsent(key, first -> new ArrayDeque<>()).add(write);
		}

		void clear() {
			unsent.clear();
		}

		/**
		 * Sends the writes in rounds: each round takes the first unsent write of every
		 * key and sends them grouped by statement, so a key's writes keep their order.
		 */
		void send(NamedParameterJdbcOperations jdbc) {
			List<ArrayDeque<Write>> queues = new ArrayList<>(unsent.values());
			sentKeys.addAll(unsent.keySet());
			unsent.clear();
			while (!queues.isEmpty()) {
				Map<String, List<SqlParameterSource>> round = new LinkedHashMap<>();
				List<ArrayDeque<Write>> later = new ArrayList<>();
				for (ArrayDeque<Write> queue : queues) {
					Write write = queue.poll();
					round.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.parameters());
					if (!queue.isEmpty()) {
						later.add(queue);
					}
				}
				round.forEach((sql, parameters) -> sendBatch(jdbc, sql, parameters));
				queues = later;
			}
		}

		private static void sendBatch(NamedParameterJdbcOperations jdbc, String sql,
				List<SqlParameterSource> parameters) {
			if (parameters.size() == 1) {
				jdbc.update(sql, parameters.get(0));
			}
			else {
				jdbc.batchUpdate(sql, parameters.toArray(SqlParameterSource[]::new));
			}
		}

	}

}

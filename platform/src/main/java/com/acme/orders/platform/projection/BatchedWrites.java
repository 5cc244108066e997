package com.acme.orders.platform.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

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
 * <p>
 * Statements are written with named parameters ({@code :orderId}); each is turned into
 * its positional form once, and a write's values are bound straight to the driver:
 * Spring's named-parameter template looked every name up again and chose a setter for
 * every value, more of the projection's CPU than the driver's own sending.
 */
public class BatchedWrites {

	private static final String RESOURCE = BatchedWrites.class.getName();

	private final JdbcOperations jdbc;

	private final ReadModelCommits commits;

	private final Map<String, PositionalSql> statements = new ConcurrentHashMap<>();

	public BatchedWrites(JdbcOperations jdbc, ReadModelCommits commits) {
		this.jdbc = jdbc;
		this.commits = commits;
	}

	/**
	 * @param key what the write must stay in order with: writes under equal keys are sent
	 * in the order they were made
	 * @param sql the statement, with named parameters
	 * @param params a value for every named parameter of the statement
	 */
	public void write(Object key, String sql, Map<String, ?> params) {
		Write write = statements.computeIfAbsent(sql, PositionalSql::of).write(params);
		if (!CurrentUnitOfWork.isStarted()) {
			send(jdbc, write.sql(), List.<Object[]>of(write.values()));
			commits.committed(List.of(key));
			return;
		}
		pending().add(key, write);
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

	/**
	 * Sends one statement with each row of values, as one JDBC batch when there are
	 * several.
	 */
	private static void send(JdbcOperations jdbc, String sql, List<Object[]> rows) {
		jdbc.execute(sql, (PreparedStatement statement) -> {
			if (rows.size() == 1) {
				bind(statement, rows.get(0));
				return statement.executeUpdate();
			}
			for (Object[] row : rows) {
				bind(statement, row);
				statement.addBatch();
			}
			return statement.executeBatch().length;
		});
	}

	/** The driver infers each value's type; a null's comes from the statement. */
	private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
		for (int index = 0; index < values.length; index++) {
			if (values[index] == null) {
				statement.setNull(index + 1, Types.NULL);
			}
			else {
				statement.setObject(index + 1, values[index]);
			}
		}
	}

	/** A statement in positional form, with the names of its parameters in order. */
	private record PositionalSql(String sql, String[] names) {

		static PositionalSql of(String namedSql) {
			ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
			// The names in order come only through a parameter list: ParsedSql keeps them
			// to itself.
			String[] names = NamedParameterUtils.buildSqlParameterList(parsed, EmptySqlParameterSource.INSTANCE)
				.stream()
				.map(SqlParameter::getName)
				.toArray(String[]::new);
			return new PositionalSql(
					NamedParameterUtils.substituteNamedParameters(parsed, EmptySqlParameterSource.INSTANCE), names);
		}

		/**
		 * A write of this statement with the given values, taken in the statement's
		 * order.
		 */
		Write write(Map<String, ?> params) {
			Object[] values = new Object[names.length];
			for (int index = 0; index < names.length; index++) {
				if (!params.containsKey(names[index])) {
					throw new IllegalArgumentException("No value for the parameter " + names[index] + " of " + sql);
				}
				values[index] = params.get(names[index]);
			}
			return new Write(sql, values);
		}

	}

	private record Write(String sql, Object[] values) {
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
		void send(JdbcOperations jdbc) {
			List<ArrayDeque<Write>> queues = new ArrayList<>(unsent.values());
			sentKeys.addAll(unsent.keySet());
			unsent.clear();
			while (!queues.isEmpty()) {
				Map<String, List<Object[]>> round = new LinkedHashMap<>();
				List<ArrayDeque<Write>> later = new ArrayList<>();
				for (ArrayDeque<Write> queue : queues) {
					Write write = queue.poll();
					round.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.values());
					if (!queue.isEmpty()) {
						later.add(queue);
					}
				}
				round.forEach((sql, rows) -> BatchedWrites.send(jdbc, sql, rows));
				queues = later;
			}
		}

	}

}

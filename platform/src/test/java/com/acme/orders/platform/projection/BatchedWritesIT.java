package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.TestPostgres;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Writes kept for a batch reach PostgreSQL only when it commits, and each key's writes
 * arrive in the order they were made even when different statements interleave. Readers
 * waiting for a key are told after the commit, never of a rollback.
 */
class BatchedWritesIT {

	private static final String CREATE = "insert into steps (key, steps) values (:key, :step)";

	private static final String APPEND = "update steps set steps = steps || :step where key = :key";

	private static final String MARK = "update steps set steps = steps || '+' where key = :key";

	private DataSource dataSource;

	private JdbcClient sql;

	private BatchedWrites writes;

	private final ReadModelCommits commits = new ReadModelCommits();

	@BeforeEach
	void setUp() {
		dataSource = TestPostgres.newDatabase().singleConnection();
		sql = JdbcClient.create(dataSource);
		sql.sql("create table steps (key text primary key, steps text not null)").update();
		writes = new BatchedWrites(new JdbcTemplate(dataSource), commits);
	}

	@Test
	void eachKeysWritesArriveInOrderWhenTheBatchCommits() {
		UnitOfWork<?> batch = startBatch();
		for (int round = 0; round < 3; round++) {
			for (String key : new String[] { "a", "b", "c" }) {
				String statement = (round == 0) ? CREATE : APPEND;
				writes.write(key, statement, Map.of("key", key, "step", key + round));
				if (key.equals("b")) {
					writes.write(key, MARK, Map.of("key", key));
				}
			}
		}
		writes.write("a", APPEND, Map.of("key", "a", "step", "!"));
		assertThat(count()).as("nothing is sent before the commit").isZero();

		batch.commit();

		assertThat(sql.sql("select key || '=' || steps from steps order by key").query(String.class).list())
			.containsExactly("a=a0a1a2!", "b=b0+b1+b2+", "c=c0c1c2");
	}

	@Test
	void readersOfAKeyAreToldOnlyOnceItsWritesAreCommitted() {
		UUID order = UUID.randomUUID();
		CompletableFuture<Void> committed = commits.nextCommitOf(order);
		CompletableFuture<Void> otherKey = commits.nextCommitOf(UUID.randomUUID());
		UnitOfWork<?> batch = startBatch();
		writes.write(order, CREATE, Map.of("key", order.toString(), "step", "placed"));
		batch.onPrepareCommit(committing -> assertThat(committed).as("told before the commit").isNotDone());

		batch.commit();

		assertThat(committed).isDone();
		assertThat(otherKey).isNotDone();
		assertThat(count()).isOne();
	}

	@Test
	void readersAreNotToldOfARolledBackBatch() {
		UUID order = UUID.randomUUID();
		CompletableFuture<Void> committed = commits.nextCommitOf(order);
		UnitOfWork<?> batch = startBatch();
		writes.write(order, CREATE, Map.of("key", order.toString(), "step", "placed"));

		batch.rollback();

		assertThat(committed).isNotDone();
		assertThat(count()).isZero();
	}

	@Test
	void outsideAUnitOfWorkAWriteIsSentAtOnce() {
		writes.write("a", CREATE, Map.of("key", "a", "step", "now"));

		assertThat(count()).isOne();
	}

	@Test
	void aNullTakesItsTypeFromTheStatementAndAMissingValueIsRefusedWhenWritten() {
		Map<String, Object> noStep = new HashMap<>();
		noStep.put("key", "a");
		noStep.put("step", null);
		writes.write("a", "insert into steps (key, steps) values (:key, coalesce(cast(:step as text), 'none'))",
				noStep);

		assertThat(sql.sql("select steps from steps where key = 'a'").query(String.class).single()).isEqualTo("none");
		assertThatThrownBy(() -> writes.write("b", CREATE, Map.of("key", "b")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("step");
	}

	private UnitOfWork<?> startBatch() {
		UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
		batch.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)));
		return batch;
	}

	private long count() {
		return sql.sql("select count(*) from steps").query(Long.class).single();
	}

}

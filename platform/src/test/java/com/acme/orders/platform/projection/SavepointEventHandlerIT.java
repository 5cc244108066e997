package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.TestPostgres;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A batch pays for savepoints only after one of its events failed: on PostgreSQL itself,
 * in Axon units of work, a clean batch of 100 opens no subtransaction and sends its
 * writes when it commits; a failing event, or a write refused when the batch is sent,
 * fails its batch once, after which the retry parks that event alone and keeps every
 * other event's writes.
 */
class SavepointEventHandlerIT {

	private static final String POISON = "poison";

	/** Refused by the table, so only when the batch's writes are sent. */
	private static final String REFUSED = "refused";

	private DataSource dataSource;

	private JdbcClient sql;

	private TransactionManager transactions;

	private BatchedWrites writes;

	private SavepointEventHandler handler;

	/** How many subtransactions the transaction had after each event. */
	private final List<Integer> subtransactions = new ArrayList<>();

	@BeforeEach
	void setUp() {
		dataSource = TestPostgres.newDatabase().singleConnection();
		sql = JdbcClient.create(dataSource);
		transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
		sql.sql("create table handled (payload text primary key check (payload <> 'refused'))").update();
		writes = new BatchedWrites(new JdbcTemplate(dataSource), new ReadModelCommits());
		handler = new SavepointEventHandler(new WritingHandler(), dataSource, writes, "test-processor");
	}

	@Test
	void aCleanBatchOpensNoSubtransaction() {
		List<String> parked = handleInOneUnitOfWork(events(1, 100));

		assertThat(parked).isEmpty();
		assertThat(handledPayloads()).hasSize(100);
		assertThat(subtransactions).containsOnly(0);
	}

	@Test
	void aFailingEventFailsItsBatchOnceThenIsParkedAloneWhileTheOthersAreKept() {
		List<EventMessage<?>> batch = events(1, 5);
		batch.set(2, event(3, POISON));

		assertThatThrownBy(() -> handleInOneUnitOfWork(batch)).isInstanceOf(RetryInSavepoints.class)
			.hasMessageContaining("position 3")
			.hasRootCauseMessage("cannot project " + POISON);
		assertThat(handledPayloads()).isEmpty();

		List<String> parked = handleInOneUnitOfWork(batch);

		assertThat(parked).containsExactly(POISON);
		assertThat(handledPayloads()).containsExactlyInAnyOrder("event-1", "event-2", "event-4", "event-5");
		assertThat(subtransactions).anySatisfy(count -> assertThat(count).isPositive());

		subtransactions.clear();
		assertThat(handleInOneUnitOfWork(events(6, 105))).isEmpty();
		assertThat(subtransactions).containsOnly(0);
	}

	@Test
	void aWriteRefusedWhenTheBatchIsSentIsFoundOnTheRetryAndParkedAlone() {
		List<EventMessage<?>> batch = events(1, 5);
		batch.set(3, event(4, REFUSED));

		assertThatThrownBy(() -> handleInOneUnitOfWork(batch)).rootCause()
			.hasMessageContaining("handled_payload_check");
		assertThat(handledPayloads()).isEmpty();

		assertThat(handleInOneUnitOfWork(batch)).containsExactly(REFUSED);
		assertThat(handledPayloads()).containsExactlyInAnyOrder("event-1", "event-2", "event-3", "event-5");
	}

	/**
	 * Handles a batch in one unit of work and transaction as Axon's processor and
	 * dead-letter invoker do: a failure is parked and the batch goes on, unless the
	 * handler asks for the batch to be retried.
	 */
	private List<String> handleInOneUnitOfWork(List<EventMessage<?>> batch) {
		UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
		unitOfWork.attachTransaction(transactions);
		List<String> parked = new ArrayList<>();
		try {
			for (EventMessage<?> event : batch) {
				try {
					handler.handle(event);
				}
				catch (RetryInSavepoints retry) {
					throw retry;
				}
				catch (Exception failure) {
					parked.add((String) event.getPayload());
				}
			}
		}
		catch (RuntimeException failure) {
			unitOfWork.rollback(failure);
			throw failure;
		}
		unitOfWork.commit();
		return parked;
	}

	private List<String> handledPayloads() {
		return sql.sql("select payload from handled").query(String.class).list();
	}

	private static List<EventMessage<?>> events(long first, long last) {
		return new ArrayList<>(LongStream.rangeClosed(first, last).mapToObj(n -> event(n, "event-" + n)).toList());
	}

	private static EventMessage<?> event(long position, String payload) {
		return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
				GenericEventMessage.asEventMessage(payload));
	}

	/** Writes its event, then fails on the poisoned one: a partial write to undo. */
	private class WritingHandler implements EventMessageHandler {

		@Override
		public Object handle(EventMessage<?> event) {
			String payload = (String) event.getPayload();
			writes.write(payload, "insert into handled (payload) values (:payload)", Map.of("payload", payload));
			sql.sql("select pg_stat_clear_snapshot()").query().singleValue();
			subtransactions.add(sql.sql("""
					select subxact_count
					from pg_stat_get_backend_idset() as backend
					cross join lateral pg_stat_get_backend_subxact(backend)
					where pg_stat_get_backend_pid(backend) = pg_backend_pid()
					""").query(Integer.class).single());
			if (POISON.equals(payload)) {
				throw new IllegalStateException("cannot project " + POISON);
			}
			return null;
		}

		@Override
		public boolean canHandle(EventMessage<?> event) {
			return true;
		}

		@Override
		public Class<?> getTargetType() {
			return WritingHandler.class;
		}

	}

}

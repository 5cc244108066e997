package com.acme.orders.platform.projection;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Which slot of each rebuildable projection answers queries. A query reads the active
 * slot under a shared advisory lock on the projection, and the switch to the other slot
 * takes that lock exclusively: the old slot is emptied only once no query still reads it,
 * and no query ever sees a slot that is being filled.
 */
public class ProjectionSlots {

	private static final Logger log = LoggerFactory.getLogger(ProjectionSlots.class);

	private static final String LOCK_TIMEOUT = "2s";

	/** First key of the two-key advisory locks taken on projections ("PRJ"). */
	private static final int LOCK_SPACE = 0x50524a;

	private final JdbcClient jdbc;

	private final TransactionOperations readTransaction;

	private final TransactionOperations writeTransaction;

	private final Clock clock;

	public ProjectionSlots(JdbcClient jdbc, TransactionOperations readTransaction,
			TransactionOperations writeTransaction, Clock clock) {
		this.jdbc = jdbc;
		this.readTransaction = readTransaction;
		this.writeTransaction = writeTransaction;
		this.clock = clock;
	}

	/** Runs a query against the active slot of the projection. */
	public <T> T readActive(String projection, Function<ReadModelSlot, T> query) {
		return readTransaction.execute(status -> {
			lock("pg_advisory_xact_lock_shared", projection);
			return query.apply(active(projection));
		});
	}

	public ReadModelSlot active(String projection) {
		return jdbc.sql("select active_slot from projection_slot where projection = ?")
			.param(projection)
			.query(String.class)
			.optional()
			.map(ReadModelSlot::ofSuffix)
			.orElseThrow(() -> new IllegalStateException("No slot row for projection " + projection
					+ "; a Flyway migration must insert it into projection_slot"));
	}

	/**
	 * Whether the slot answers queries or is being rebuilt, so its processor must run.
	 */
	public boolean inUse(String projection, ReadModelSlot slot) {
		return jdbc.sql("""
				select exists (select 1 from projection_slot where projection = :projection and active_slot = :slot)
				    or exists (select 1 from projection_replay
				               where projection = :projection and slot = :slot and status = 'REPLAYING')
				""").param("projection", projection).param("slot", slot.suffix()).query(Boolean.class).single();
	}

	/**
	 * Makes {@code slot} the one that answers queries, in one transaction that waits for
	 * running queries to finish (at most {@value #LOCK_TIMEOUT}, else it fails and the
	 * caller tries again later).
	 */
	void switchTo(String projection, ReadModelSlot slot, Runnable inSameTransaction) {
		writeTransaction.executeWithoutResult(status -> {
			jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
			lock("pg_advisory_xact_lock", projection);
			jdbc.sql("update projection_slot set active_slot = ?, switched_at = ? where projection = ?")
				.params(slot.suffix(), clock.instant().atOffset(ZoneOffset.UTC), projection)
				.update();
			inSameTransaction.run();
		});
	}

	/**
	 * Empties a slot nobody reads: the old one after a switch, or one whose replay was
	 * given up. If its tables are busy, they stay as they are until the next replay
	 * empties them.
	 */
	void empty(RebuildableProjection projection, ReadModelSlot slot) {
		try {
			writeTransaction.executeWithoutResult(status -> {
				jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
				jdbc.sql(projection.truncate(slot)).update();
			});
		}
		catch (DataAccessException ex) {
			log.warn("Could not empty slot {} of projection {} now; the next replay into it will", slot.suffix(),
					projection.name(), ex);
		}
	}

	/** Takes a lock that PostgreSQL releases when the transaction ends. */
	private void lock(String function, String projection) {
		jdbc.sql("select " + function + "(?, hashtext(?))").params(LOCK_SPACE, projection).query().listOfRows();
	}

}

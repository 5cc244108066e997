package com.acme.orders.platform.projection;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The secondary indexes of a slot being rebuilt. Every event of a replay updates its
 * order's row, and each update adds an entry to every index of the table; a replay
 * therefore drops the slot's secondary indexes when it empties the slot, and creates them
 * again, in one pass over the filled tables, before the slot answers queries. Their
 * definitions wait in {@code deferred_index}, written in the transaction that drops them,
 * so a replay resumed after a crash, or cancelled, still restores them. Primary keys and
 * unique indexes stay: the projection's writes find their rows and skip duplicates
 * through them.
 */
class DeferredIndexes {

	private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

	private final JdbcClient jdbc;

	private final TransactionOperations transaction;

	DeferredIndexes(JdbcClient jdbc, TransactionOperations transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/**
	 * Records and drops the slot's secondary indexes; in the transaction that empties it.
	 */
	void drop(RebuildableProjection projection, ReadModelSlot slot) {
		List<SecondaryIndex> indexes = jdbc.sql("""
				select index_class.relname as index_name, table_class.relname as table_name,
				       pg_get_indexdef(i.indexrelid) as definition
				from pg_index i
				join pg_class index_class on index_class.oid = i.indexrelid
				join pg_class table_class on table_class.oid = i.indrelid
				where table_class.relname = any(?) and table_class.relnamespace = current_schema()::regnamespace
				  and not i.indisprimary and not i.indisunique
				""").param(projection.tables(slot).toArray(String[]::new)).query(SecondaryIndex.class).list();
		for (SecondaryIndex index : indexes) {
			jdbc.sql("""
					insert into deferred_index (index_name, table_name, definition) values (?, ?, ?)
					on conflict (index_name) do nothing
					""").params(index.indexName(), index.tableName(), index.definition()).update();
			jdbc.sql("drop index " + quoted(index.indexName())).update();
		}
	}

	/**
	 * Creates the slot's deferred indexes again, each with the removal of its record in
	 * one transaction; does nothing for a slot with none.
	 */
	void restore(RebuildableProjection projection, ReadModelSlot slot) {
		List<SecondaryIndex> deferred = jdbc
			.sql("select index_name, table_name, definition from deferred_index where table_name = any(?)")
			.param(projection.tables(slot).toArray(String[]::new))
			.query(SecondaryIndex.class)
			.list();
		for (SecondaryIndex index : deferred) {
			long start = System.nanoTime();
			transaction.executeWithoutResult(status -> {
				// Built over the whole table at once, which may outlast a statement's
				// usual bound.
				jdbc.sql("set local statement_timeout = 0").update();
				jdbc.sql(index.definition().replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")).update();
				jdbc.sql("delete from deferred_index where index_name = ?").param(index.indexName()).update();
			});
			log.info("Index {} of {} created again in {} ms", index.indexName(), index.tableName(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private record SecondaryIndex(String indexName, String tableName, String definition) {
	}

}

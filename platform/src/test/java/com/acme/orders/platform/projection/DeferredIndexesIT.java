package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.acme.orders.platform.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the order read model as Flyway creates it: a slot being rebuilt loses its secondary
 * indexes, keeps its keys, and gets back exactly the indexes it had, over the rows
 * written meanwhile; the other slot is never touched.
 */
class DeferredIndexesIT {

	private static final RebuildableProjection ORDERS = new RebuildableProjection("order-summary",
			List.of("order_summary", "order_summary_line", "order_timeline"), slot -> List.of(), null, null);

	private JdbcClient sql;

	private TransactionTemplate transaction;

	private DeferredIndexes indexes;

	@BeforeEach
	void setUp() {
		DataSource dataSource = TestPostgres.newDatabase().singleConnection();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		sql = JdbcClient.create(dataSource);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		indexes = new DeferredIndexes(sql, transaction);
	}

	@Test
	void aSlotBeingRebuiltKeepsOnlyItsKeysAndGetsEveryIndexBack() {
		Map<String, String> before = indexesOf(ReadModelSlot.B);
		Map<String, String> otherSlot = indexesOf(ReadModelSlot.A);
		assertThat(before).hasSizeGreaterThan(keysOf(before).size());

		transaction.executeWithoutResult(status -> indexes.drop(ORDERS, ReadModelSlot.B));

		assertThat(indexesOf(ReadModelSlot.B)).isEqualTo(keysOf(before));
		assertThat(indexesOf(ReadModelSlot.A)).isEqualTo(otherSlot);
		placeOrderIn(ReadModelSlot.B);

		indexes.restore(ORDERS, ReadModelSlot.B);

		assertThat(indexesOf(ReadModelSlot.B)).isEqualTo(before);
		assertThat(sql.sql("select count(*) from deferred_index").query(Long.class).single()).isZero();
	}

	@Test
	void droppedAgainBeforeTheRestoreTheFirstDefinitionsComeBack() {
		Map<String, String> before = indexesOf(ReadModelSlot.B);

		transaction.executeWithoutResult(status -> indexes.drop(ORDERS, ReadModelSlot.B));
		transaction.executeWithoutResult(status -> indexes.drop(ORDERS, ReadModelSlot.B));
		indexes.restore(ORDERS, ReadModelSlot.B);
		indexes.restore(ORDERS, ReadModelSlot.B);

		assertThat(indexesOf(ReadModelSlot.B)).isEqualTo(before);
	}

	@Test
	void aRolledBackDropLeavesTheIndexesAndNoRecord() {
		Map<String, String> before = indexesOf(ReadModelSlot.B);

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			indexes.drop(ORDERS, ReadModelSlot.B);
			throw new IllegalStateException("the replay could not start");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(indexesOf(ReadModelSlot.B)).isEqualTo(before);
		assertThat(sql.sql("select count(*) from deferred_index").query(Long.class).single()).isZero();
	}

	private Map<String, String> indexesOf(ReadModelSlot slot) {
		Map<String, String> definitions = new TreeMap<>();
		sql.sql("select indexname, indexdef from pg_indexes where tablename = any(?)")
			.param(ORDERS.tables(slot).toArray(String[]::new))
			.query((rs, row) -> definitions.put(rs.getString(1), rs.getString(2)))
			.list();
		return definitions;
	}

	private static Map<String, String> keysOf(Map<String, String> indexes) {
		Map<String, String> keys = new TreeMap<>(indexes);
		keys.values().removeIf(definition -> !definition.startsWith("CREATE UNIQUE INDEX"));
		return keys;
	}

	private void placeOrderIn(ReadModelSlot slot) {
		sql.sql("""
				insert into order_summary_%s (order_id, customer_id, status, currency, total_amount, line_count,
				    ship_name, ship_street, ship_city, ship_postal_code, ship_country, placed_at, updated_at, version)
				values (?, 'alice', 'PAID', 'EUR', 12.50, 1, 'Ada', '1 Main St', 'London', 'N1 9GU', 'GB', now(), now(), 2)
				"""
			.formatted(slot.suffix())).param(UUID.randomUUID()).update();
	}

}

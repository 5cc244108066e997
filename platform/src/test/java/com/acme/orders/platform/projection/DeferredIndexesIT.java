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

	/**
	 * Rows that moved page could not be updated in place (HOT): each would have added an
	 * entry to the primary key.
	 */
	@Test
	void whileRebuiltAnOrdersUpdatesKeepItsRowOnItsPage() {
		transaction.executeWithoutResult(status -> indexes.drop(ORDERS, ReadModelSlot.B));
		for (int order = 0; order < 300; order++) {
			placeOrderIn(ReadModelSlot.B);
		}
		Map<UUID, Long> pages = pagesOfOrders(ReadModelSlot.B);

		for (int event = 0; event < 9; event++) {
			sql.sql("update order_summary_b set updated_at = now(), version = version + 1").update();
		}

		Map<UUID, Long> after = pagesOfOrders(ReadModelSlot.B);
		long moved = pages.keySet().stream().filter(order -> !pages.get(order).equals(after.get(order))).count();
		assertThat(moved).as("orders whose row left its page, of %d", pages.size()).isLessThan(pages.size() / 20);
	}

	private Map<UUID, Long> pagesOfOrders(ReadModelSlot slot) {
		Map<UUID, Long> pages = new TreeMap<>();
		sql.sql("select order_id, (ctid::text::point)[0]::bigint from order_summary_%s".formatted(slot.suffix()))
			.query((rs, row) -> pages.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return pages;
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

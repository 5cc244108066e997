package com.acme.orders.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * What must hold once everything has settled, read straight from the database.
 *
 * @param orders orders whose placement was answered 2xx
 * @param lost of those, orders without their OrderPlaced event
 * @param duplicates orders placed beyond those answered (a retry applied twice)
 * @param unfinished orders not DELIVERED or CANCELLED in the read model (or missing)
 * @param misapplied read-model rows whose version is not their order's event count
 * @param sagasRunning sagas that have not ended
 * @param authorized money authorized by the payment gateway
 * @param refunded money refunded
 * @param delivered the totals of delivered orders
 */
record Invariants(int orders, int lost, int duplicates, int unfinished, int misapplied, int sagasRunning,
		BigDecimal authorized, BigDecimal refunded, BigDecimal delivered) {

	static Invariants of(Connection database, Collection<UUID> accepted) throws SQLException {
		Array ids = database.createArrayOf("varchar", accepted.stream().map(UUID::toString).toArray());
		String slot = single(database, "select active_slot from projection_slot where projection = 'order-summary'",
				null);
		return new Invariants(accepted.size(), (int) count(database, """
				select count(*) from unnest(?::varchar[]) id where not exists (select 1 from domain_event_entry e
				  where e.aggregate_identifier = id and e.payload_type like '%.OrderPlaced')""", ids),
				(int) (count(database,
						"select count(*) from domain_event_entry where payload_type like '%.OrderPlaced'", null)
						- accepted.size()),
				(int) count(database, """
						select count(*) from unnest(?::varchar[]) id where not exists (select 1 from order_summary_%s s
						  where s.order_id::varchar = id and s.status in ('DELIVERED', 'CANCELLED'))""".formatted(slot),
						ids),
				(int) count(database,
						"""
								select count(*) from order_summary_%s s where s.version <> (select count(*)
								  from domain_event_entry e where e.aggregate_identifier = s.order_id::varchar)"""
							.formatted(slot),
						null),
				(int) count(database, "select count(*) from saga_entry", null), money(database, "PaymentAuthorized"),
				money(database, "PaymentRefunded"),
				new BigDecimal(single(database, "select coalesce(sum(total_amount), 0) from order_summary_" + slot
						+ " where status = 'DELIVERED'", null)));
	}

	/**
	 * Polls until every order has finished and every saga ended; answers how long it
	 * took.
	 */
	static Duration awaitSettled(FaultPostgres postgres, Collection<UUID> accepted, Duration atMost) throws Exception {
		long start = System.nanoTime();
		while (true) {
			try (Connection database = postgres.connect()) {
				Invariants now = of(database, accepted);
				if (now.unfinished() == 0 && now.sagasRunning() == 0) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
				if (System.nanoTime() - start > atMost.toNanos()) {
					throw new AssertionError("Not settled after " + atMost + ": " + now);
				}
			}
			Thread.sleep(500);
		}
	}

	/** Asserts that nothing was lost or applied twice and that everything finished. */
	void assertAllHold() {
		assertThat(lost).as("orders answered 2xx without their events").isZero();
		assertThat(duplicates).as("orders placed twice").isZero();
		assertThat(unfinished).as("orders neither delivered nor cancelled").isZero();
		assertThat(misapplied).as("read-model rows off their order's version").isZero();
		assertThat(sagasRunning).as("sagas still running").isZero();
		assertThat(moneyAddsUp()).as("authorized - refunded = delivered: %s", this).isTrue();
	}

	boolean moneyAddsUp() {
		return authorized.subtract(refunded).compareTo(delivered) == 0;
	}

	String report(String scenario, Duration settled, Object answers) {
		return "%s: orders %d, accepted %d, lost %d, duplicates %d, unfinished %d, misapplied %d, sagas running %d, "
			.formatted(scenario, orders, orders - lost, lost, duplicates, unfinished, misapplied, sagasRunning)
				+ "authorized %s - refunded %s = delivered %s, settled %.1f s after the load; answers %s"
					.formatted(authorized, refunded, delivered, settled.toMillis() / 1000.0, answers);
	}

	private static BigDecimal money(Connection database, String eventType) throws SQLException {
		return new BigDecimal(single(database, """
				select coalesce(sum((convert_from(payload, 'UTF8')::jsonb -> 'amount' ->> 'amount')::numeric), 0)
				from domain_event_entry where payload_type like '%.' || ?""", eventType));
	}

	private static long count(Connection database, String sql, Object parameter) throws SQLException {
		return Long.parseLong(single(database, sql, parameter));
	}

	private static String single(Connection database, String sql, Object parameter) throws SQLException {
		try (PreparedStatement statement = database.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setObject(1, parameter);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}

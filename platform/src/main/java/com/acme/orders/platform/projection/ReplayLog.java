package com.acme.orders.platform.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code projection_replay} table: every replay, running or finished. Its partial
 * unique index lets only one replay of a projection run at a time, across processes.
 */
class ReplayLog {

	private static final int LONGEST_FAILURE = 1000;

	private final JdbcClient jdbc;

	ReplayLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Replay begin(String projection, ReadModelSlot slot, String requestedBy, Instant at, long tail, long head,
			long events) {
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into projection_replay (replay_id, projection, slot, status, requested_by, started_at,
					    tail_at_start, head_at_start, events_at_start)
					values (?, ?, ?, 'REPLAYING', ?, ?, ?, ?, ?)
					""").params(id, projection, slot.suffix(), requestedBy, utc(at), tail, head, events).update();
		}
		catch (DuplicateKeyException ex) {
			throw new ReplayAlreadyRunning(projection);
		}
		return new Replay(id, projection, slot, Replay.Status.REPLAYING, requestedBy, at, tail, head, events, null,
				null, null);
	}

	void complete(Replay replay, Instant at) {
		BigDecimal perSecond = eventsPerSecond(replay.eventsAtStart(), Duration.between(replay.startedAt(), at));
		jdbc.sql("""
				update projection_replay set status = 'COMPLETED', finished_at = ?, events_per_second = ?
				where replay_id = ? and status = 'REPLAYING'
				""").params(utc(at), perSecond, replay.id()).update();
	}

	void fail(UUID replayId, Instant at, String failure) {
		String reason = (failure.length() > LONGEST_FAILURE) ? failure.substring(0, LONGEST_FAILURE) : failure;
		jdbc.sql("""
				update projection_replay set status = 'FAILED', finished_at = ?, failure = ?
				where replay_id = ? and status = 'REPLAYING'
				""").params(utc(at), reason, replayId).update();
	}

	Optional<Replay> find(String projection, UUID replayId) {
		return jdbc.sql("select * from projection_replay where projection = ? and replay_id = ?")
			.params(projection, replayId)
			.query(ReplayLog::replay)
			.optional();
	}

	List<Replay> running() {
		return jdbc.sql("select * from projection_replay where status = 'REPLAYING'").query(ReplayLog::replay).list();
	}

	Optional<Replay> latest(String projection) {
		return jdbc.sql("select * from projection_replay where projection = ? order by started_at desc limit 1")
			.param(projection)
			.query(ReplayLog::replay)
			.optional();
	}

	static BigDecimal eventsPerSecond(long events, Duration took) {
		long millis = Math.max(1, took.toMillis());
		return BigDecimal.valueOf(events * 1000L).divide(BigDecimal.valueOf(millis), 1, RoundingMode.HALF_UP);
	}

	private static Replay replay(ResultSet rs, int row) throws SQLException {
		return new Replay(rs.getObject("replay_id", UUID.class), rs.getString("projection"),
				ReadModelSlot.ofSuffix(rs.getString("slot")), Replay.Status.valueOf(rs.getString("status")),
				rs.getString("requested_by"), instant(rs, "started_at"), rs.getLong("tail_at_start"),
				rs.getLong("head_at_start"), rs.getLong("events_at_start"), instant(rs, "finished_at"),
				rs.getBigDecimal("events_per_second"), rs.getString("failure"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

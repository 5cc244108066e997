package com.acme.orders.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recorded answers, in {@code idempotency_key}. A key counts until it expires; an
 * expired row is overwritten by the next use of its key, or deleted by the clean-up.
 */
class IdempotencyKeys {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration retention;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, Clock clock, Duration retention) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.retention = retention;
	}

	Optional<RecordedResponse> find(String scope, String key) {
		return jdbc.sql("""
				select request_sha256, status, headers, body from idempotency_key
				where scope = ? and idempotency_key = ? and expires_at > ?""")
			.params(scope, key, Timestamp.from(clock.instant()))
			.query((row, index) -> new RecordedResponse(row.getBytes(1), row.getInt(2), toHeaders(row.getString(3)),
					row.getString(4)))
			.optional();
	}

	/**
	 * Takes the key's lock for the current transaction, or answers false at once if
	 * another transaction, the same request still in flight, holds it. A newline
	 * separates scope and key: neither can contain one.
	 */
	boolean tryLock(IdempotentRequest request) {
		return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(? || chr(10) || ?, 0))")
			.params(request.scope(), request.key())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Records the answer; to be called in the command's transaction, holding the lock.
	 */
	void record(IdempotentRequest request, CommandResponse response) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into idempotency_key
				  (scope, idempotency_key, request_sha256, status, headers, body, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (scope, idempotency_key) do update set
				  request_sha256 = excluded.request_sha256, status = excluded.status, headers = excluded.headers,
				  body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at""")
			.params(request.scope(), request.key(), request.requestSha256(), response.status(),
					json.writeValueAsString(response.headers()),
					(response.body() == null) ? null : json.writeValueAsString(response.body()), Timestamp.from(now),
					Timestamp.from(now.plus(retention)))
			.update();
	}

	/** Deletes expired keys; answers how many. */
	int deleteExpired() {
		return jdbc.sql("delete from idempotency_key where expires_at <= ?")
			.param(Timestamp.from(clock.instant()))
			.update();
	}

	private HttpHeaders toHeaders(String stored) {
		HttpHeaders headers = new HttpHeaders();
		json.readValue(stored, HEADERS).forEach(headers::set);
		return headers;
	}

}

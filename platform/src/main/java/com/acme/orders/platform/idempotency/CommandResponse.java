package com.acme.orders.platform.idempotency;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer to a command that succeeded: what the controller sends and what a retry
 * with the same {@code Idempotency-Key} gets again.
 *
 * @param status the HTTP status
 * @param headers headers that belong to the answer, such as {@code Location} and
 * {@code ETag}
 * @param body the body, written as JSON; null for none
 */
public record CommandResponse(int status, Map<String, String> headers, Object body) {

	public CommandResponse {
		headers = Map.copyOf(headers);
	}

	public ResponseEntity<Object> toEntity() {
		HttpHeaders http = new HttpHeaders();
		headers.forEach(http::set);
		return ResponseEntity.status(status).headers(http).body(body);
	}

}

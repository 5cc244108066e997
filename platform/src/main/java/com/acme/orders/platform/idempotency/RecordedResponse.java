package com.acme.orders.platform.idempotency;

import java.util.Arrays;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer recorded under a key, with the hash of the request that earned it.
 */
record RecordedResponse(byte[] requestSha256, int status, HttpHeaders headers, String body) {

	/** The header that tells a client it got a recorded answer again. */
	static final String REPLAYED = "Idempotent-Replayed";

	boolean answers(IdempotentRequest request) {
		return Arrays.equals(requestSha256, request.requestSha256());
	}

	ResponseEntity<String> toEntity() {
		HttpHeaders http = new HttpHeaders();
		http.addAll(headers);
		http.set(REPLAYED, "true");
		if (body != null) {
			http.setContentType(MediaType.APPLICATION_JSON);
		}
		return ResponseEntity.status(status).headers(http).body(body);
	}

}

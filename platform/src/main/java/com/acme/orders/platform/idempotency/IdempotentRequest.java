package com.acme.orders.platform.idempotency;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.MetaData;

/**
 * A command request that carries an {@code Idempotency-Key}.
 *
 * @param scope the caller and route the key belongs to
 * @param key the key the client chose
 * @param requestSha256 the SHA-256 of the request body
 */
public record IdempotentRequest(String scope, String key, byte[] requestSha256) {

	private static final String SCOPE = "idempotencyScope";

	private static final String KEY = "idempotencyKey";

	private static final String REQUEST_SHA256 = "idempotencyRequestSha256";

	/** What the command carries, so that its handler interceptor can find the key. */
	public Map<String, Object> toMetaData() {
		Map<String, Object> metaData = new HashMap<>();
		metaData.put(SCOPE, scope);
		metaData.put(KEY, key);
		metaData.put(REQUEST_SHA256, HexFormat.of().formatHex(requestSha256));
		return metaData;
	}

	static Optional<IdempotentRequest> from(MetaData metaData) {
		if (!(metaData.get(SCOPE) instanceof String scope) || !(metaData.get(KEY) instanceof String key)
				|| !(metaData.get(REQUEST_SHA256) instanceof String sha256)) {
			return Optional.empty();
		}
		return Optional.of(new IdempotentRequest(scope, key, HexFormat.of().parseHex(sha256)));
	}

}

package com.acme.orders.platform.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 4 UUIDs as unguessable as {@link UUID#randomUUID()}, from a DRBG
 * {@link SecureRandom} per thread. {@code UUID.randomUUID()} draws from one
 * {@code NativePRNG} behind a lock that all threads share: under load, request threads
 * queued on it for most of their time (JFR: 57 s blocked in 90 s of benchmark).
 */
public final class RandomUuids {

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomUuids::drbg);

	private RandomUuids() {
	}

	public static UUID next() {
		byte[] bytes = new byte[16];
		RANDOM.get().nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (bytes[i] & 0xff);
			least = (least << 8) | (bytes[i + 8] & 0xff);
		}
		return new UUID(most, least);
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	}

}

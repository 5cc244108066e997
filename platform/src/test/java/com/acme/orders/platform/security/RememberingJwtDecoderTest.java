package com.acme.orders.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.orders.platform.testing.Rs256Tokens;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Around Spring Security's own decoder, verifying RS256 signatures and expiry on a clock
 * the test moves.
 */
class RememberingJwtDecoderTest {

	private static final Duration REMEMBER_FOR = Duration.ofMinutes(1);

	private final KeyPair key = Rs256Tokens.newKeyPair();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder decoder = new RememberingJwtDecoder(countingVerifier(), REMEMBER_FOR, 3, clock);

	@Test
	void aTokenSeenAgainWithinTheIntervalIsNotVerifiedAgain() throws Exception {
		String token = token(Duration.ofHours(1));

		assertThat(decoder.decode(token).getSubject()).isEqualTo("carol");
		clock.advance(REMEMBER_FOR.minusSeconds(1));
		assertThat(decoder.decode(token).getSubject()).isEqualTo("carol");

		assertThat(verifications).hasValue(1);
	}

	@Test
	void aTokenIsVerifiedAgainOnceTheIntervalIsOver() throws Exception {
		String token = token(Duration.ofHours(1));
		decoder.decode(token);

		clock.advance(REMEMBER_FOR);
		decoder.decode(token);

		assertThat(verifications).hasValue(2);
	}

	@Test
	void aTokenThatExpiresWithinTheIntervalIsRefusedOnceExpired() throws Exception {
		String token = token(Duration.ofSeconds(30));
		decoder.decode(token);

		clock.advance(Duration.ofSeconds(31));

		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
	}

	@Test
	void aTokenThatFailsIsVerifiedEveryTime() throws Exception {
		String forged = token(Duration.ofHours(1), Rs256Tokens.newKeyPair());

		assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);

		assertThat(verifications).hasValue(2);
	}

	@Test
	void onceFullItStartsAfresh() throws Exception {
		String first = token(Duration.ofHours(1));
		for (int subject = 0; subject < 3; subject++) {
			decoder.decode(token(Duration.ofHours(1), key, "customer-" + subject));
		}

		decoder.decode(first);
		decoder.decode(first);

		assertThat(verifications).hasValue(4);
	}

	private JwtDecoder countingVerifier() {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(clock);
		nimbus.setJwtValidator(expiry);
		return token -> {
			verifications.incrementAndGet();
			return nimbus.decode(token);
		};
	}

	private String token(Duration validFor) throws Exception {
		return token(validFor, key);
	}

	private String token(Duration validFor, KeyPair signingKey) throws Exception {
		return token(validFor, signingKey, "carol");
	}

	private String token(Duration validFor, KeyPair signingKey, String subject) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(clock.instant()))
			.expirationTime(Date.from(clock.instant().plus(validFor)))
			.build();
		return Rs256Tokens.sign(signingKey, claims);
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

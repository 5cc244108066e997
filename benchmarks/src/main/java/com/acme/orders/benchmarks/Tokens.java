package com.acme.orders.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * RS256 bearer tokens from a key made for the run, as an identity provider would issue
 * them: what the benchmark authenticates with, since the demo users' HTTP Basic is
 * deliberately slow.
 */
final class Tokens {

	static final String ISSUER = "https://login.acme.example";

	static final String AUDIENCE = "orders-api";

	private final KeyPair key;

	Tokens() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		this.key = generator.generateKeyPair();
	}

	/** The app's settings that make it trust these tokens. */
	List<String> appSettings(Path directory) throws IOException {
		Path publicKey = directory.resolve("jwt-public-key.pem");
		Files.writeString(publicKey,
				"-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		return List.of("spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
				"orders.security.jwt.issuer=" + ISSUER, "orders.security.jwt.audience=" + AUDIENCE);
	}

	String customer(String subject) throws JOSEException {
		return token(subject, "CUSTOMER");
	}

	private String token(String subject, String role) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(AUDIENCE)
			.claim("roles", List.of(role))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		return jwt.serialize();
	}

}

package com.acme.orders.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JwtClaimsPropertiesTest {

	@Test
	void jwtWithoutAnIssuerOrAudienceToCheckRefusesToStart() {
		assertThatThrownBy(
				() -> new ApiSecurityAutoConfiguration.JwtClaimsProperties(null, "orders-api").requireComplete())
			.hasMessageContaining("orders.security.jwt.issuer");
		assertThatThrownBy(
				() -> new ApiSecurityAutoConfiguration.JwtClaimsProperties("https://login", " ").requireComplete())
			.hasMessageContaining("orders.security.jwt.audience");
	}

	@Test
	void anIssuerAndAnAudienceAreEnough() {
		assertThatCode(() -> new ApiSecurityAutoConfiguration.JwtClaimsProperties("https://login", "orders-api")
			.requireComplete()).doesNotThrowAnyException();
	}

}

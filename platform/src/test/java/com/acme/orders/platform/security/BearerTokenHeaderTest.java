package com.acme.orders.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * {@link BearerTokenHeader} answers every {@code Authorization} header as Spring
 * Security's {@link DefaultBearerTokenResolver} does: the same token, or the same error.
 */
class BearerTokenHeaderTest {

	private final BearerTokenResolver resolver = new BearerTokenHeader();

	private final BearerTokenResolver reference = new DefaultBearerTokenResolver();

	@Test
	void answersAsSpringSecurityDoes() {
		List<String> headers = new ArrayList<>(List.of("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_~+/",
				"bearer abc", "BEARER abc==", "Bearer abc=", "Bearer ==", "Bearer ", "Bearer", "Bearer  abc",
				"Bearer a b", "Bearer abc\n", "Bearer ab=c", "Bearerabc", "Basic YWxpY2U6YWxpY2U=", "Token abc", ""));
		for (char c = 0; c < 128; c++) {
			headers.add("Bearer ab" + c + "cd");
		}
		for (String header : headers) {
			assertThat(outcome(resolver, header)).as("Authorization: %s", header).isEqualTo(outcome(reference, header));
		}
		assertThat(outcome(resolver, null)).isEqualTo(outcome(reference, null)).isEqualTo("no token");
	}

	@Test
	void takesTheTokenOfAWellFormedHeaderAndRefusesAMalformedOne() {
		assertThat(outcome(resolver, "Bearer abc.def-ghi==")).isEqualTo("token abc.def-ghi==");
		assertThat(outcome(resolver, "Bearer abc def")).startsWith("error invalid_token");
		assertThat(outcome(resolver, "Basic YWxpY2U6YWxpY2U=")).isEqualTo("no token");
	}

	private static String outcome(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			String token = resolver.resolve(request);
			return (token != null) ? "token " + token : "no token";
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

}

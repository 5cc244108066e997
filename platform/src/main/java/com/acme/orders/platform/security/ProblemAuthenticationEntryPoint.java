package com.acme.orders.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.acme.orders.platform.web.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers unauthenticated (401) and forbidden (403) requests with RFC 9457 problem
 * details, like every other error of the API, and tells the client which authentication
 * schemes it may use.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final String challenge;

	ProblemAuthenticationEntryPoint(boolean basicEnabled) {
		this.challenge = basicEnabled ? "Basic realm=\"orders\", Bearer" : "Bearer";
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Unauthorized",
				"Authentication is required to access this resource.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
				"Your role does not allow this request.");
	}

}

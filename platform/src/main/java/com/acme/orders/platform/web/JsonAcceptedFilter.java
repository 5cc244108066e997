package com.acme.orders.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers in JSON only. A request whose {@code Accept} rules JSON out is refused
 * with 406 before it is handled: otherwise a command would run and only its answer fail.
 */
class JsonAcceptedFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || request.getHeader(HttpHeaders.ACCEPT) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
			chain.doFilter(request, response);
			return;
		}
		ProblemResponses.write(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
				"The API answers with application/json or application/problem+json only.");
	}

	private static boolean acceptsJson(String accept) {
		try {
			List<MediaType> acceptable = MediaType.parseMediaTypes(accept);
			return acceptable.stream()
				.anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
						|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}

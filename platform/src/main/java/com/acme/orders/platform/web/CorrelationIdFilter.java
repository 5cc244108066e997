package com.acme.orders.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.acme.orders.platform.axon.MessageMetadata;
import com.acme.orders.platform.ids.RandomUuids;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is
 * well formed, a new one otherwise. It is echoed in the response, written to every log
 * line and stored with the events the request causes.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Correlation-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offered = request.getHeader(HEADER);
		String correlationId = (offered != null && WELL_FORMED.matcher(offered).matches()) ? offered
				: RandomUuids.next().toString();
		response.setHeader(HEADER, correlationId);
		MDC.put(MessageMetadata.CORRELATION_ID, correlationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MessageMetadata.CORRELATION_ID);
		}
	}

}

package com.acme.orders.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Problem details written by filters, which answer before any controller advice could.
 * Titles and details are fixed texts of ours, never request input.
 */
public final class ProblemResponses {

	static final String DATABASE_UNAVAILABLE_TITLE = "Service unavailable";

	static final String DATABASE_UNAVAILABLE_DETAIL = "The service cannot reach its database right now; try again shortly.";

	/** Seconds a client should wait before trying again while the database is away. */
	static final String DATABASE_RETRY_AFTER_SECONDS = "5";

	private ProblemResponses() {
	}

	/** 503 with {@code Retry-After}: the database cannot be reached right now. */
	public static void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
		write(response, 503, "service-unavailable", DATABASE_UNAVAILABLE_TITLE, DATABASE_UNAVAILABLE_DETAIL);
	}

	public static void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + ProblemTypes.uri(type) + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

}

package com.acme.orders.platform.web;

import java.net.URI;

/**
 * Stable {@code type} URIs of the API's problem details: one per kind of error, never
 * changed once published.
 */
public final class ProblemTypes {

	private static final String BASE = "https://orders.acme.example/problems/";

	private ProblemTypes() {
	}

	public static URI uri(String slug) {
		return URI.create(BASE + slug);
	}

}

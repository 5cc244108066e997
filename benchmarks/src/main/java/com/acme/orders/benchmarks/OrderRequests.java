package com.acme.orders.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP requests the benchmarks send to the app. */
final class OrderRequests {

	/** 2 x 12.50 EUR: the amount the benchmark's payment gateway never answers. */
	static final String UNPAID_ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1984","quantity":2,"unitPrice":"12.50"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"London","postalCode":"N1 9GU",
			                    "country":"GB"}}""";

	/** 1 x 12.50 EUR: paid, shipped and delivered. */
	static final String DELIVERED_ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1984","quantity":1,"unitPrice":"12.50"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"London","postalCode":"N1 9GU",
			                    "country":"GB"}}""";

	/**
	 * Refused with 400 before anything is stored: a line of no items. Authenticated,
	 * parsed and validated like an order, it measures the web stack alone.
	 */
	static final String INVALID_ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1984","quantity":0,"unitPrice":"12.50"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"London","postalCode":"N1 9GU",
			                    "country":"GB"}}""";

	/** The amount of {@link #UNPAID_ORDER}. */
	static final String UNPAID_AMOUNT = "25.00";

	static final String[] ADDRESSES = { """
			{"name":"Ada Lovelace","street":"12 Side St","city":"Cambridge","postalCode":"CB1 1AA","country":"GB"}""",
			"""
					{"name":"Ada Lovelace","street":"1 Main St","city":"London","postalCode":"N1 9GU","country":"GB"}""" };

	static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern LOCATION = Pattern.compile("/api/orders/[0-9a-f-]{36}");

	private OrderRequests() {
	}

	static HttpRequest.Builder place(AppUnderLoad app, String token) {
		return place(app, token, UNPAID_ORDER);
	}

	static HttpRequest.Builder place(AppUnderLoad app, String token, String order) {
		return HttpRequest.newBuilder(app.uri("/api/orders"))
			.POST(HttpRequest.BodyPublishers.ofString(order))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token);
	}

	/** Places an order and answers its path, {@code /api/orders/{id}}. */
	static String placed(AppUnderLoad app, String token, String order) throws Exception {
		HttpResponse<String> placed = HTTP.send(place(app, token, order).build(), HttpResponse.BodyHandlers.ofString());
		expect(201, placed);
		Matcher location = LOCATION.matcher(placed.headers().firstValue("Location").orElseThrow());
		location.find();
		return location.group();
	}

	static HttpRequest changeAddress(AppUnderLoad app, String token, String order, int turn) {
		return HttpRequest.newBuilder(app.uri(order + "/shipping-address"))
			.PUT(HttpRequest.BodyPublishers.ofString(ADDRESSES[turn % 2]))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.build();
	}

	static void expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"Expected " + status + ", got " + response.statusCode() + ": " + response.body());
		}
	}

}

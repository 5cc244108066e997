package com.acme.orders.benchmarks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.acme.orders.benchmarks.HttpConnection.Request;

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

	private static final Pattern LOCATION = Pattern.compile("/api/orders/[0-9a-f-]{36}");

	private OrderRequests() {
	}

	static Request place(AppUnderLoad app, String token) {
		return place(app, token, UNPAID_ORDER);
	}

	static Request place(AppUnderLoad app, String token, String order) {
		return Request.of(app.uri(""), "POST", "/api/orders", token, order);
	}

	/** Places an order and answers its path, {@code /api/orders/{id}}. */
	static String placed(HttpConnection http, AppUnderLoad app, String token, String order) throws Exception {
		Matcher location = LOCATION.matcher(http.send(place(app, token, order)).expect(201).header("Location"));
		location.find();
		return location.group();
	}

	static Request changeAddress(AppUnderLoad app, String token, String order, int turn) {
		return Request.of(app.uri(""), "PUT", order + "/shipping-address", token, ADDRESSES[turn % 2]);
	}

	static Request read(AppUnderLoad app, String token, String path) {
		return Request.of(app.uri(""), "GET", path, token, null);
	}

}

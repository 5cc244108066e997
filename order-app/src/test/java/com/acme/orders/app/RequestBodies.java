package com.acme.orders.app;

/**
 * Request bodies the end-to-end tests send, written as a client would, without the
 * application's types.
 */
final class RequestBodies {

	/** Two books at 12.50: an order of 25.00 in euros, to London. */
	static final String ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1984","quantity":2,"unitPrice":"12.50"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"London","postalCode":"N1 9GU",
			                    "country":"GB"}}""";

	static final String NEW_ADDRESS = """
			{"name":"Ada Lovelace","street":"12 Side St","city":"Cambridge","postalCode":"CB1 1AA","country":"GB"}""";

	private RequestBodies() {
	}

}

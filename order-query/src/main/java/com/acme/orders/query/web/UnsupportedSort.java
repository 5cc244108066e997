package com.acme.orders.query.web;

/**
 * A {@code sort} parameter other than {@code placedAt} or {@code updatedAt}, with
 * {@code ,asc} or {@code ,desc}.
 */
class UnsupportedSort extends RuntimeException {

	UnsupportedSort(String sort) {
		super("sort must be placedAt or updatedAt, optionally followed by ,asc or ,desc; not " + sort);
	}

}

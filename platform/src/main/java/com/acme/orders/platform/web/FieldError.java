package com.acme.orders.platform.web;

/**
 * One rejected field of a request body or query, as listed in the {@code errors} member
 * of a 400 problem.
 *
 * @param field where the value sits, for example {@code lines[0].unitPrice}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}

package com.acme.orders.query;

/**
 * A shipping address in a query result.
 */
public record AddressView(String name, String street, String city, String postalCode, String country) {
}

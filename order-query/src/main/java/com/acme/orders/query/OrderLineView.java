package com.acme.orders.query;

/**
 * One line of an order in a query result; prices are strings in the order's currency.
 */
public record OrderLineView(String sku, int quantity, String unitPrice, String lineTotal) {
}

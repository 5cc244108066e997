package com.acme.orders.query;

/**
 * An amount as the API shows it: a decimal string with exactly the currency's number of
 * decimals.
 */
public record MoneyView(String amount, String currency) {
}

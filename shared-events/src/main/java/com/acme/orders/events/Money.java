package com.acme.orders.events;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one ISO 4217 currency. Never a floating-point number.
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO.setScale(fractionDigits(currency)), currency);
	}

	public Money plus(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
		}
		return new Money(amount.add(other.amount), currency);
	}

	public Money times(int factor) {
		return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
	}

	/** The amount with exactly as many decimals as the currency has minor units. */
	public BigDecimal amountInMinorUnitScale() {
		return amount.setScale(fractionDigits(currency));
	}

	public static int fractionDigits(String currency) {
		return Currency.getInstance(currency).getDefaultFractionDigits();
	}

}

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

	/** The amount with exactly as many decimals as the currency has minor units. */
	public BigDecimal amountInMinorUnitScale() {
		return amount.setScale(fractionDigits(currency));
	}

	public static int fractionDigits(String currency) {
		return Currency.getInstance(currency).getDefaultFractionDigits();
	}

}

package com.acme.orders.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;

/**
 * What may be ordered: the aggregate's own check, whatever the API in front of it
 * validated already.
 */
public final class OrderRules {

	public static final int MAX_LINES = 100;

	public static final int MAX_QUANTITY = 1000;

	public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");

	public static final Pattern SKU = Pattern.compile("[A-Z0-9-]{1,64}");

	private OrderRules() {
	}

	static void requireValid(PlaceOrder command) {
		List<String> violations = new ArrayList<>();
		if (!isOrderCurrency(command.currency())) {
			violations.add("currency " + command.currency() + " is not an ISO 4217 currency with minor units");
		}
		if (command.lines().isEmpty() || command.lines().size() > MAX_LINES) {
			violations.add("an order has 1 to " + MAX_LINES + " lines");
		}
		for (int i = 0; i < command.lines().size(); i++) {
			checkLine(i, command.lines().get(i), command.currency(), violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidOrder(violations);
		}
	}

	/**
	 * Whether orders may be paid in this currency: an ISO 4217 code with a defined number
	 * of decimals.
	 */
	public static boolean isOrderCurrency(String currency) {
		try {
			return currency != null && Currency.getInstance(currency).getDefaultFractionDigits() >= 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Whether {@code amount} has no more decimals than {@code currency} allows. */
	public static boolean fitsCurrency(BigDecimal amount, String currency) {
		return amount.scale() <= Money.fractionDigits(currency);
	}

	private static void checkLine(int index, OrderLine line, String currency, List<String> violations) {
		String at = "lines[" + index + "]";
		if (line.sku() == null || !SKU.matcher(line.sku()).matches()) {
			violations.add(at + ".sku must match " + SKU.pattern());
		}
		if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
			violations.add(at + ".quantity must be 1 to " + MAX_QUANTITY);
		}
		BigDecimal price = line.unitPrice();
		if (price == null || price.signum() <= 0 || price.compareTo(MAX_UNIT_PRICE) > 0) {
			violations.add(at + ".unitPrice must be above 0 and at most " + MAX_UNIT_PRICE);
		}
		else if (isOrderCurrency(currency) && !fitsCurrency(price, currency)) {
			violations.add(at + ".unitPrice has more decimals than " + currency + " allows");
		}
	}

}

package com.acme.orders.events;

import java.math.BigDecimal;

/**
 * One line of an order; the currency is the order's.
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

	public BigDecimal lineTotal() {
		return unitPrice.multiply(BigDecimal.valueOf(quantity));
	}

}

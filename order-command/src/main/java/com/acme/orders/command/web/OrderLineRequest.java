package com.acme.orders.command.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.acme.orders.events.OrderLine;

/**
 * One line of a new order; {@code unitPrice} is a decimal in the order's currency, as a
 * JSON string or number.
 */
record OrderLineRequest(@NotNull @Pattern(regexp = "[A-Z0-9-]{1,64}") String sku,
		@NotNull @Min(1) @Max(1000) Integer quantity,
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal unitPrice) {

	OrderLine toOrderLine() {
		return new OrderLine(sku, quantity, unitPrice);
	}

}

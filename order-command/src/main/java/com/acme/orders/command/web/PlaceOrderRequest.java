package com.acme.orders.command.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.acme.orders.command.PlaceOrder;

/**
 * Body of {@code POST /api/orders}. The customer is the authenticated caller, never a
 * field of the body.
 */
@PricesFitCurrency
record PlaceOrderRequest(@NotNull @IsoCurrency String currency,
		@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid OrderLineRequest> lines,
		@NotNull @Valid AddressRequest shippingAddress) {

	PlaceOrder toCommand(UUID orderId, String customerId) {
		return new PlaceOrder(orderId, customerId, currency, lines.stream().map(OrderLineRequest::toOrderLine).toList(),
				shippingAddress.toAddress());
	}

}

package com.acme.orders.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.ShippingAddressChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/**
 * Builds the order read model from the order events and answers order queries from it. An
 * order's version in the read model is its event sequence number plus one, the same
 * number the command side returns and puts in ETags.
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

	static final String PROCESSING_GROUP = "order-summary";

	private final OrderSummaryTable table;

	OrderSummaryProjection(OrderSummaryTable table) {
		this.table = table;
	}

	@EventHandler
	void on(OrderPlaced event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		long version = sequence + 1;
		table.insertPlaced(event.orderId(), event.customerId(), event.lines(), event.total(), event.shippingAddress(),
				event.placedAt(), version);
		table.recordEvent(eventId, event.orderId(), version, "OrderPlaced", event.placedAt(),
				Map.of("total", money(event.total()), "lineCount", event.lines().size()));
	}

	@EventHandler
	void on(ShippingAddressChanged event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		long version = sequence + 1;
		table.updateAddress(event.orderId(), event.shippingAddress(), event.changedAt(), version);
		table.recordEvent(eventId, event.orderId(), version, "ShippingAddressChanged", event.changedAt(),
				Map.of("shippingAddress", address(event.shippingAddress())));
	}

	@EventHandler
	void on(OrderCancelled event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		long version = sequence + 1;
		table.updateStatus(event.orderId(), OrderStatus.CANCELLED, event.reason().name(), event.cancelledAt(), version);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", event.reason().name());
		if (event.comment() != null) {
			details.put("comment", event.comment());
		}
		table.recordEvent(eventId, event.orderId(), version, "OrderCancelled", event.cancelledAt(), details);
	}

	@QueryHandler
	Optional<OrderDetails> handle(FindOrder query) {
		return table.find(query.orderId()).filter(order -> query.caller().mayAccess(order.customerId()));
	}

	@QueryHandler
	OrderPage handle(FindOrders query) {
		String customer = query.caller().admin() ? null : query.caller().name();
		return table.page(customer, query.status(), query.sort(), query.page(), query.size());
	}

	@QueryHandler
	Optional<OrderHistory> handle(FindOrderHistory query) {
		return table.find(query.orderId())
			.filter(order -> query.caller().mayAccess(order.customerId()))
			.map(order -> new OrderHistory(table.timeline(query.orderId())));
	}

	private static Map<String, Object> money(Money money) {
		return Map.of("amount", money.amountInMinorUnitScale().toPlainString(), "currency", money.currency());
	}

	private static Map<String, Object> address(Address address) {
		return Map.of("name", address.name(), "street", address.street(), "city", address.city(), "postalCode",
				address.postalCode(), "country", address.country());
	}

}

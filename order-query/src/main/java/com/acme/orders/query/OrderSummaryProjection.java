package com.acme.orders.query;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.orders.events.order.OrderCancellationRejected;
import com.acme.orders.events.order.OrderCancellationRequested;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderDelivered;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.OrderShipped;
import com.acme.orders.events.order.ShippingAddressChanged;
import com.acme.orders.events.order.history.OrderShippedAndDeliveredSplit;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Builds the order read model of one slot from the order's own events. An order's version
 * in the read model is its event sequence number plus one, the same number the command
 * side returns and puts in ETags. Payment and shipping progress is added by
 * {@link OrderProgressProjection}; {@link OrderQueries} answers from the active slot.
 */
class OrderSummaryProjection {

	private final OrderSummaryTable table;

	OrderSummaryProjection(OrderSummaryTable table) {
		this.table = table;
	}

	@EventHandler
	void on(OrderPlaced event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.insertPlaced(event.orderId(), event.customerId(), event.lines(), event.total(), event.shippingAddress(),
				event.placedAt(), sequence + 1);
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderPlaced", event.placedAt(),
				Map.of("total", Timeline.money(event.total()), "lineCount", event.lines().size()));
	}

	@EventHandler
	void on(ShippingAddressChanged event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.updateAddress(event.orderId(), event.shippingAddress(), event.changedAt(), sequence + 1);
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "ShippingAddressChanged",
				event.changedAt(), Map.of("shippingAddress", Timeline.address(event.shippingAddress())));
	}

	@EventHandler
	void on(OrderPaid event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.updateStatus(event.orderId(), OrderStatus.PAID, null, event.paidAt(), sequence + 1, partOf(part));
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderPaid", event.paidAt(), Map.of());
	}

	@EventHandler
	void on(OrderCancellationRequested event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.updateStatus(event.orderId(), OrderStatus.CANCELLING, null, event.requestedAt(), sequence + 1,
				partOf(part));
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderCancellationRequested",
				event.requestedAt(), Timeline.withComment(Map.of(), event.comment()));
	}

	@EventHandler
	void on(OrderCancellationRejected event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.resumeAfterRejectedCancellation(event.orderId(), event.rejectedAt(), sequence + 1);
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderCancellationRejected",
				event.rejectedAt(), Map.of("reason", event.reason()));
	}

	@EventHandler
	void on(OrderShipped event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.updateStatus(event.orderId(), OrderStatus.SHIPPED, null, event.shippedAt(), sequence + 1, partOf(part));
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderShipped", event.shippedAt(),
				Map.of("trackingNumber", event.trackingNumber()));
	}

	@EventHandler
	void on(OrderDelivered event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.updateStatus(event.orderId(), OrderStatus.DELIVERED, null, event.deliveredAt(), sequence + 1,
				partOf(part));
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderDelivered", event.deliveredAt(),
				Map.of());
	}

	@EventHandler
	void on(OrderCancelled event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
			@MetaDataValue(OrderShippedAndDeliveredSplit.PART) Integer part) {
		table.updateStatus(event.orderId(), OrderStatus.CANCELLED, event.reason().name(), event.cancelledAt(),
				sequence + 1, partOf(part));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", event.reason().name());
		table.recordEvent(eventId, partOf(part), event.orderId(), sequence + 1, "OrderCancelled", event.cancelledAt(),
				Timeline.withComment(details, event.comment()));
	}

	/**
	 * Which of the events made from one stored event this is: 0 unless an upcaster split
	 * it.
	 */
	private static int partOf(Integer part) {
		return (part == null) ? 0 : part;
	}

}

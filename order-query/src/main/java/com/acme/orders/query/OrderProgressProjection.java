package com.acme.orders.query;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentDeclined;
import com.acme.orders.events.payment.PaymentRefundFailed;
import com.acme.orders.events.payment.PaymentRefunded;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.payment.PaymentTimedOut;
import com.acme.orders.events.shipping.ShipmentAddressChangeRejected;
import com.acme.orders.events.shipping.ShipmentAddressChanged;
import com.acme.orders.events.shipping.ShipmentCancellationRejected;
import com.acme.orders.events.shipping.ShipmentCancelled;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentDispatched;
import com.acme.orders.events.shipping.ShipmentFailed;
import com.acme.orders.events.shipping.ShipmentRequested;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Adds payment and shipping progress to the order read model: the payment status, the
 * shipment's status, tracking number and address, and their steps in the order's
 * timeline. Each is guarded by its own aggregate's version, so a replayed event changes
 * nothing.
 */
class OrderProgressProjection {

	private final OrderSummaryTable table;

	OrderProgressProjection(OrderSummaryTable table) {
		this.table = table;
	}

	@EventHandler
	void on(PaymentRequested event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		payment(event.orderId(), "PENDING", sequence, eventId, "PaymentRequested", event.requestedAt(),
				Map.of("amount", Timeline.money(event.amount())));
	}

	@EventHandler
	void on(PaymentAuthorized event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		payment(event.orderId(), "AUTHORIZED", sequence, eventId, "PaymentAuthorized", event.authorizedAt(),
				Map.of("amount", Timeline.money(event.amount())));
	}

	@EventHandler
	void on(PaymentDeclined event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		payment(event.orderId(), "DECLINED", sequence, eventId, "PaymentDeclined", event.declinedAt(),
				Map.of("reason", event.reason()));
	}

	@EventHandler
	void on(PaymentTimedOut event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		payment(event.orderId(), "TIMED_OUT", sequence, eventId, "PaymentTimedOut", event.timedOutAt(), Map.of());
	}

	@EventHandler
	void on(PaymentRefunded event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		payment(event.orderId(), "REFUNDED", sequence, eventId, "PaymentRefunded", event.refundedAt(),
				Map.of("amount", Timeline.money(event.amount()), "reason", event.reason().name()));
	}

	@EventHandler
	void on(PaymentRefundFailed event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		payment(event.orderId(), "REFUND_FAILED", sequence, eventId, "PaymentRefundFailed", event.failedAt(),
				Map.of("amount", Timeline.money(event.amount()), "cause", event.cause()));
	}

	@EventHandler
	void on(ShipmentRequested event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		shipment(event.orderId(), event.shipmentId(), "REQUESTED", null, sequence, eventId, "ShipmentRequested",
				event.requestedAt(), Map.of("shippingAddress", Timeline.address(event.address())));
		table.updateShipmentAddress(event.orderId(), event.address(), event.requestedAt(), sequence + 1);
	}

	@EventHandler
	void on(ShipmentAddressChanged event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		table.updateShipmentAddress(event.orderId(), event.address(), event.changedAt(), sequence + 1);
		table.recordEvent(eventId, 0, event.orderId(), null, "ShipmentAddressChanged", event.changedAt(),
				Map.of("shippingAddress", Timeline.address(event.address())));
	}

	@EventHandler
	void on(ShipmentAddressChangeRejected event, @MessageIdentifier String eventId) {
		table.recordEvent(eventId, 0, event.orderId(), null, "ShipmentAddressChangeRejected", event.rejectedAt(),
				Map.of("requestedAddress", Timeline.address(event.requestedAddress()), "reason", event.reason()));
	}

	@EventHandler
	void on(ShipmentDispatched event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		shipment(event.orderId(), event.shipmentId(), "DISPATCHED", event.trackingNumber(), sequence, eventId,
				"ShipmentDispatched", event.dispatchedAt(), Map.of("trackingNumber", event.trackingNumber()));
	}

	@EventHandler
	void on(ShipmentDelivered event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		shipment(event.orderId(), event.shipmentId(), "DELIVERED", null, sequence, eventId, "ShipmentDelivered",
				event.deliveredAt(), Map.of());
	}

	@EventHandler
	void on(ShipmentFailed event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		shipment(event.orderId(), event.shipmentId(), "FAILED", null, sequence, eventId, "ShipmentFailed",
				event.failedAt(), Map.of("reason", event.reason()));
	}

	@EventHandler
	void on(ShipmentCancelled event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
		shipment(event.orderId(), event.shipmentId(), "CANCELLED", null, sequence, eventId, "ShipmentCancelled",
				event.cancelledAt(), Map.of());
	}

	@EventHandler
	void on(ShipmentCancellationRejected event, @MessageIdentifier String eventId) {
		table.recordEvent(eventId, 0, event.orderId(), null, "ShipmentCancellationRejected", event.rejectedAt(),
				Map.of("reason", event.reason()));
	}

	private void payment(UUID orderId, String status, long sequence, String eventId, String type, Instant at,
			Map<String, Object> details) {
		table.updatePayment(orderId, status, at, sequence + 1);
		table.recordEvent(eventId, 0, orderId, null, type, at, details);
	}

	private void shipment(UUID orderId, UUID shipmentId, String status, String trackingNumber, long sequence,
			String eventId, String type, Instant at, Map<String, Object> details) {
		table.updateShipment(orderId, shipmentId, status, trackingNumber, at, sequence + 1);
		table.recordEvent(eventId, 0, orderId, null, type, at, details);
	}

}

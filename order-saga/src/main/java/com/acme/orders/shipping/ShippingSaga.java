package com.acme.orders.shipping;

import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.order.OrderCancellationRequested;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.ShippingAddressChanged;
import com.acme.orders.events.shipping.ShipmentAddressChanged;
import com.acme.orders.events.shipping.ShipmentCancelled;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentFailed;
import com.acme.orders.events.shipping.ShipmentRequested;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Gets a paid order to its customer.
 * <ol>
 * <li>{@code OrderPlaced}: remember where it goes; {@code ShippingAddressChanged} before
 * payment updates that.</li>
 * <li>{@code OrderPaid}: request the shipment; {@code ShipmentRequested}: hand it to the
 * carrier (asynchronously).</li>
 * <li>The carrier reports dispatch and delivery through its webhook;
 * {@code ShipmentDelivered} ends the saga.</li>
 * </ol>
 * Customer changes after payment: {@code ShippingAddressChanged} re-addresses the
 * shipment, or is rejected once the parcel has left; {@code OrderCancellationRequested}
 * cancels the shipment (the carrier is told), or is rejected once it has left.
 * Compensation: {@code ShipmentFailed} and {@code ShipmentCancelled} end the saga; the
 * payment saga refunds. An order cancelled before payment ends the saga without a
 * shipment.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
public class ShippingSaga {

	static final String ORDER_ID = "orderId";

	private UUID orderId;

	private UUID shipmentId;

	private Address address;

	@StartSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderPlaced event) {
		orderId = event.orderId();
		if (shipmentId == null) {
			address = event.shippingAddress();
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShippingAddressChanged event, ShippingCommands commands) {
		address = event.shippingAddress();
		if (shipmentId != null) {
			commands.sendAndWait(new ChangeShipmentAddress(shipmentId, event.shippingAddress()));
		}
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderPaid event, ShippingCommands commands) {
		shipmentId = ShipmentIds.forOrder(orderId);
		commands.sendAndWait(new RequestShipment(shipmentId, orderId, address));
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentRequested event, CarrierCalls carrier) {
		carrier.createShipment(event.shipmentId(), event.address());
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentAddressChanged event, CarrierCalls carrier) {
		carrier.changeAddress(event.shipmentId(), event.address());
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderCancellationRequested event, ShippingCommands commands) {
		if (shipmentId != null) {
			commands.sendAndWait(new CancelShipment(shipmentId));
		}
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentCancelled event, CarrierCalls carrier) {
		carrier.cancel(event.shipmentId());
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentDelivered event) {
		// Delivered: nothing left to do.
	}

	@EndSaga
	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(ShipmentFailed event) {
		// The payment saga refunds; the order policy then cancels the order.
	}

	@SagaEventHandler(associationProperty = ORDER_ID)
	void on(OrderCancelled event) {
		if (shipmentId == null) {
			SagaLifecycle.end();
		}
	}

}

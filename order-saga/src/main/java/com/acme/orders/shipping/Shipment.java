package com.acme.orders.shipping;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.shipping.ShipmentAddressChangeRejected;
import com.acme.orders.events.shipping.ShipmentAddressChanged;
import com.acme.orders.events.shipping.ShipmentCancellationRejected;
import com.acme.orders.events.shipping.ShipmentCancelled;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentDispatched;
import com.acme.orders.events.shipping.ShipmentFailed;
import com.acme.orders.events.shipping.ShipmentRequested;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One order's parcel: the authority on whether it has left. Carrier reports are
 * idempotent: a duplicate, or one older than what the shipment already knows, changes
 * nothing. A delivery before the dispatch is refused, so that the carrier sends it again.
 */
@Aggregate(cache = "shipmentCache")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class Shipment {

	private static final String ALREADY_DISPATCHED = "the parcel has already left";

	@AggregateIdentifier
	private UUID shipmentId;

	private UUID orderId;

	private Address address;

	private ShipmentStatus status;

	private Instant lastReportAt = Instant.MIN;

	// Required by Axon to rebuild the aggregate from events
	Shipment() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(RequestShipment command, Clock clock) {
		if (status == null) {
			apply(new ShipmentRequested(command.shipmentId(), command.orderId(), command.address(), clock.instant()));
		}
	}

	@CommandHandler
	void handle(ChangeShipmentAddress command, Clock clock) {
		if (status == ShipmentStatus.REQUESTED && !command.address().equals(address)) {
			apply(new ShipmentAddressChanged(shipmentId, orderId, command.address(), clock.instant()));
		}
		else if (hasLeft()) {
			apply(new ShipmentAddressChangeRejected(shipmentId, orderId, command.address(), ALREADY_DISPATCHED,
					clock.instant()));
		}
	}

	@CommandHandler
	void handle(CancelShipment command, Clock clock) {
		if (status == ShipmentStatus.REQUESTED) {
			apply(new ShipmentCancelled(shipmentId, orderId, clock.instant()));
		}
		else if (hasLeft()) {
			apply(new ShipmentCancellationRejected(shipmentId, orderId, ALREADY_DISPATCHED, clock.instant()));
		}
	}

	/**
	 * A cancelled shipment is never dispatched, whatever the carrier reports afterwards.
	 */
	@CommandHandler
	void handle(RecordDispatch command) {
		if (status == ShipmentStatus.REQUESTED && isNewer(command.occurredAt())) {
			apply(new ShipmentDispatched(shipmentId, orderId, command.trackingNumber(), command.occurredAt()));
		}
	}

	/**
	 * @throws ShipmentNotDispatched if the dispatch has not been reported yet
	 */
	@CommandHandler
	void handle(RecordDelivery command) {
		if (status == ShipmentStatus.REQUESTED) {
			throw new ShipmentNotDispatched(shipmentId);
		}
		if (status == ShipmentStatus.DISPATCHED && isNewer(command.occurredAt())) {
			apply(new ShipmentDelivered(shipmentId, orderId, command.occurredAt()));
		}
	}

	@CommandHandler
	void handle(RecordShipmentFailure command) {
		if ((status == ShipmentStatus.REQUESTED || status == ShipmentStatus.DISPATCHED)
				&& isNewer(command.occurredAt())) {
			apply(new ShipmentFailed(shipmentId, orderId, command.reason(), command.occurredAt()));
		}
	}

	@EventSourcingHandler
	void on(ShipmentRequested event) {
		shipmentId = event.shipmentId();
		orderId = event.orderId();
		address = event.address();
		status = ShipmentStatus.REQUESTED;
	}

	@EventSourcingHandler
	void on(ShipmentAddressChanged event) {
		address = event.address();
	}

	@EventSourcingHandler
	void on(ShipmentDispatched event) {
		status = ShipmentStatus.DISPATCHED;
		lastReportAt = event.dispatchedAt();
	}

	@EventSourcingHandler
	void on(ShipmentDelivered event) {
		status = ShipmentStatus.DELIVERED;
		lastReportAt = event.deliveredAt();
	}

	@EventSourcingHandler
	void on(ShipmentFailed event) {
		status = ShipmentStatus.FAILED;
		lastReportAt = event.failedAt();
	}

	@EventSourcingHandler
	void on(ShipmentCancelled event) {
		status = ShipmentStatus.CANCELLED;
	}

	private boolean hasLeft() {
		return status == ShipmentStatus.DISPATCHED || status == ShipmentStatus.DELIVERED;
	}

	private boolean isNewer(Instant reportedAt) {
		return !reportedAt.isBefore(lastReportAt);
	}

}

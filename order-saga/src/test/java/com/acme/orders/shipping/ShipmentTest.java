package com.acme.orders.shipping;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentTest {

	private static final UUID ORDER_ID = UUID.fromString("0b000000-0000-4000-8000-000000000001");

	private static final UUID SHIPMENT_ID = ShipmentIds.forOrder(ORDER_ID);

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Address LONDON = new Address("Ada", "1 Main St", "London", "N1 9GU", "GB");

	private static final Address PARIS = new Address("Ada", "5 Rue de Rivoli", "Paris", "75001", "FR");

	private FixtureConfiguration<Shipment> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Shipment.class);
		fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void requestingAShipmentCreatesItOnce() {
		fixture.givenNoPriorActivity()
			.when(new RequestShipment(SHIPMENT_ID, ORDER_ID, LONDON))
			.expectEvents(requested());
		fixture.given(requested()).when(new RequestShipment(SHIPMENT_ID, ORDER_ID, LONDON)).expectNoEvents();
	}

	@Test
	void theAddressChangesUntilTheParcelLeaves() {
		fixture.given(requested())
			.when(new ChangeShipmentAddress(SHIPMENT_ID, PARIS))
			.expectEvents(new ShipmentAddressChanged(SHIPMENT_ID, ORDER_ID, PARIS, NOW));
		fixture.given(requested(), dispatched(NOW))
			.when(new ChangeShipmentAddress(SHIPMENT_ID, PARIS))
			.expectEvents(new ShipmentAddressChangeRejected(SHIPMENT_ID, ORDER_ID, PARIS, "the parcel has already left",
					NOW));
	}

	@Test
	void aShipmentThatHasNotLeftIsCancelled() {
		fixture.given(requested())
			.when(new CancelShipment(SHIPMENT_ID))
			.expectEvents(new ShipmentCancelled(SHIPMENT_ID, ORDER_ID, NOW));
	}

	@Test
	void aShipmentThatHasLeftCannotBeCancelled() {
		fixture.given(requested(), dispatched(NOW))
			.when(new CancelShipment(SHIPMENT_ID))
			.expectEvents(new ShipmentCancellationRejected(SHIPMENT_ID, ORDER_ID, "the parcel has already left", NOW));
	}

	@Test
	void aCancelledShipmentIsNeverDispatched() {
		fixture.given(requested(), new ShipmentCancelled(SHIPMENT_ID, ORDER_ID, NOW))
			.when(new RecordDispatch(SHIPMENT_ID, "TRACK-1", NOW.plusSeconds(5)))
			.expectNoEvents();
	}

	@Test
	void aDuplicateDispatchReportChangesNothing() {
		fixture.given(requested(), dispatched(NOW))
			.when(new RecordDispatch(SHIPMENT_ID, "TRACK-1", NOW))
			.expectNoEvents();
	}

	@Test
	void aReportOlderThanTheShipmentsStateIsIgnored() {
		fixture.given(requested(), dispatched(NOW), new ShipmentDelivered(SHIPMENT_ID, ORDER_ID, NOW.plusSeconds(60)))
			.when(new RecordShipmentFailure(SHIPMENT_ID, "lost", NOW.plusSeconds(30)))
			.expectNoEvents();
		fixture.given(requested(), dispatched(NOW.plusSeconds(60)))
			.when(new RecordDelivery(SHIPMENT_ID, NOW.plusSeconds(30)))
			.expectNoEvents();
	}

	@Test
	void aDispatchedShipmentIsDeliveredOrLost() {
		fixture.given(requested(), dispatched(NOW))
			.when(new RecordDelivery(SHIPMENT_ID, NOW.plusSeconds(60)))
			.expectEvents(new ShipmentDelivered(SHIPMENT_ID, ORDER_ID, NOW.plusSeconds(60)));
		fixture.given(requested(), dispatched(NOW))
			.when(new RecordShipmentFailure(SHIPMENT_ID, "lost in transit", NOW.plusSeconds(60)))
			.expectEvents(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "lost in transit", NOW.plusSeconds(60)));
	}

	@Test
	void aDeliveryReportedBeforeTheDispatchIsRefusedSoTheCarrierSendsItAgain() {
		fixture.given(requested())
			.when(new RecordDelivery(SHIPMENT_ID, NOW))
			.expectException(ShipmentNotDispatched.class)
			.expectNoEvents();
	}

	@Test
	void aShipmentCanFailBeforeItLeaves() {
		fixture.given(requested())
			.when(new RecordShipmentFailure(SHIPMENT_ID, "country not served", NOW))
			.expectEvents(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "country not served", NOW));
	}

	private static ShipmentRequested requested() {
		return new ShipmentRequested(SHIPMENT_ID, ORDER_ID, LONDON, NOW);
	}

	private static ShipmentDispatched dispatched(Instant at) {
		return new ShipmentDispatched(SHIPMENT_ID, ORDER_ID, "TRACK-1", at);
	}

}

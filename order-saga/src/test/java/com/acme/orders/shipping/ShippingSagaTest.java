package com.acme.orders.shipping;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.CancellationReason;
import com.acme.orders.events.order.OrderCancellationRequested;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.ShippingAddressChanged;
import com.acme.orders.events.shipping.ShipmentCancelled;
import com.acme.orders.events.shipping.ShipmentDelivered;
import com.acme.orders.events.shipping.ShipmentFailed;
import com.acme.orders.events.shipping.ShipmentRequested;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShippingSagaTest {

	private static final UUID ORDER_ID = UUID.fromString("0b000000-0000-4000-8000-000000000002");

	private static final UUID SHIPMENT_ID = ShipmentIds.forOrder(ORDER_ID);

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Address LONDON = new Address("Ada", "1 Main St", "London", "N1 9GU", "GB");

	private static final Address PARIS = new Address("Ada", "5 Rue de Rivoli", "Paris", "75001", "FR");

	private final CarrierCalls carrier = mock(CarrierCalls.class);

	private SagaTestFixture<ShippingSaga> fixture;

	@BeforeEach
	void setUp() {
		fixture = new SagaTestFixture<>(ShippingSaga.class);
		fixture.registerResource(
				new ShippingCommands(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
		fixture.registerResource(carrier);
	}

	@Test
	void aPaidOrderIsShippedToItsLatestAddress() {
		fixture.givenAPublished(placed())
			.andThenAPublished(new ShippingAddressChanged(ORDER_ID, PARIS, NOW))
			.whenPublishingA(paid())
			.expectDispatchedCommands(new RequestShipment(SHIPMENT_ID, ORDER_ID, PARIS));
	}

	@Test
	void aRequestedShipmentGoesToTheCarrier() {
		fixture.givenAPublished(placed())
			.andThenAPublished(paid())
			.whenPublishingA(new ShipmentRequested(SHIPMENT_ID, ORDER_ID, LONDON, NOW));
		verify(carrier).createShipment(SHIPMENT_ID, LONDON);
	}

	@Test
	void anAddressChangeAfterPaymentReAddressesTheShipment() {
		fixture.givenAPublished(placed())
			.andThenAPublished(paid())
			.whenPublishingA(new ShippingAddressChanged(ORDER_ID, PARIS, NOW))
			.expectDispatchedCommands(new ChangeShipmentAddress(SHIPMENT_ID, PARIS));
	}

	@Test
	void aCancellationRequestCancelsTheShipment() {
		fixture.givenAPublished(placed())
			.andThenAPublished(paid())
			.whenPublishingA(new OrderCancellationRequested(ORDER_ID, null, NOW))
			.expectDispatchedCommands(new CancelShipment(SHIPMENT_ID));
	}

	@Test
	void aCancelledShipmentIsCancelledAtTheCarrierAndEndsTheSaga() {
		fixture.givenAPublished(placed())
			.andThenAPublished(paid())
			.whenPublishingA(new ShipmentCancelled(SHIPMENT_ID, ORDER_ID, NOW))
			.expectActiveSagas(0);
		verify(carrier).cancel(SHIPMENT_ID);
	}

	@Test
	void anOrderCancelledBeforePaymentNeedsNoShipment() {
		fixture.givenAPublished(placed())
			.whenPublishingA(new OrderCancelled(ORDER_ID, CancellationReason.CUSTOMER_REQUEST, null, NOW))
			.expectActiveSagas(0)
			.expectNoDispatchedCommands();
	}

	@Test
	void aDeliveredOrFailedShipmentEndsTheSaga() {
		fixture.givenAPublished(placed())
			.andThenAPublished(paid())
			.whenPublishingA(new ShipmentDelivered(SHIPMENT_ID, ORDER_ID, NOW))
			.expectActiveSagas(0);
		fixture.givenAPublished(placed())
			.andThenAPublished(paid())
			.whenPublishingA(new ShipmentFailed(SHIPMENT_ID, ORDER_ID, "lost", NOW))
			.expectActiveSagas(0);
	}

	private static OrderPlaced placed() {
		return new OrderPlaced(ORDER_ID, "alice", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("9.99"))),
				new Money(new BigDecimal("9.99"), "EUR"), LONDON, NOW);
	}

	private static OrderPaid paid() {
		return new OrderPaid(ORDER_ID, UUID.randomUUID(), NOW);
	}

}

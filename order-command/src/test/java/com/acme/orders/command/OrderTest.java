package com.acme.orders.command;

import static com.acme.orders.command.OrderFixtures.ALICE;
import static com.acme.orders.command.OrderFixtures.NOW;
import static com.acme.orders.command.OrderFixtures.ORDER_ID;
import static com.acme.orders.command.OrderFixtures.adasAddress;
import static com.acme.orders.command.OrderFixtures.alice;
import static com.acme.orders.command.OrderFixtures.anOrderPlaced;
import static com.acme.orders.command.OrderFixtures.aPlaceOrder;
import static com.acme.orders.command.OrderFixtures.bob;
import static com.acme.orders.command.OrderFixtures.newAddress;
import static com.acme.orders.command.OrderFixtures.ops;
import static com.acme.orders.command.OrderFixtures.placeOrder;
import static com.acme.orders.command.OrderFixtures.twoBooks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.CancellationReason;
import com.acme.orders.events.order.OrderCancellationRejected;
import com.acme.orders.events.order.OrderCancellationRequested;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderDelivered;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderShipped;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.ShippingAddressChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

	private static final UUID PAYMENT_ID = UUID.fromString("6f1c2d3e-0000-4000-8000-00000000aaaa");

	private FixtureConfiguration<Order> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Order.class);
		fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void placingAnOrderPublishesOrderPlacedWithItsTotal() {
		fixture.givenNoPriorActivity()
			.when(aPlaceOrder())
			.expectSuccessfulHandlerExecution()
			.expectEvents(new OrderPlaced(ORDER_ID, ALICE, aPlaceOrder().lines(),
					new Money(new BigDecimal("28.99"), "EUR"), adasAddress(), NOW));
	}

	@Test
	void theTotalHasExactlyTheCurrencysDecimals() {
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.5")))))
			.expectEvents(new OrderPlaced(ORDER_ID, ALICE, List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.5"))),
					new Money(new BigDecimal("25.00"), "EUR"), adasAddress(), NOW));
		fixture.givenNoPriorActivity()
			.when(new PlaceOrder(ORDER_ID, ALICE, "JPY", List.of(new OrderLine("TEA-1", 3, new BigDecimal("250"))),
					adasAddress()))
			.expectEvents(new OrderPlaced(ORDER_ID, ALICE, List.of(new OrderLine("TEA-1", 3, new BigDecimal("250"))),
					new Money(new BigDecimal("750"), "JPY"), adasAddress(), NOW));
	}

	@Test
	void anOrderNeedsAtLeastOneLine() {
		fixture.givenNoPriorActivity().when(placeOrder(List.of())).expectException(InvalidOrder.class).expectNoEvents();
	}

	@Test
	void anOrderHasAtMostOneHundredLines() {
		fixture.givenNoPriorActivity()
			.when(placeOrder(Collections.nCopies(101, twoBooks())))
			.expectException(InvalidOrder.class)
			.expectNoEvents();
	}

	@Test
	void quantitiesAreOneToOneThousand() {
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("BOOK-1", 1001, BigDecimal.ONE))))
			.expectException(InvalidOrder.class)
			.expectNoEvents();
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("BOOK-1", 0, BigDecimal.ONE))))
			.expectException(InvalidOrder.class);
	}

	@Test
	void unitPricesArePositiveAndBounded() {
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("BOOK-1", 1, BigDecimal.ZERO))))
			.expectException(InvalidOrder.class);
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("BOOK-1", 1, new BigDecimal("1000000.01")))))
			.expectException(InvalidOrder.class);
	}

	@Test
	void unitPricesHaveNoMoreDecimalsThanTheCurrency() {
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.505")))))
			.expectException(InvalidOrder.class)
			.expectNoEvents();
	}

	@Test
	void skusAreUpperCaseLettersDigitsAndDashes() {
		fixture.givenNoPriorActivity()
			.when(placeOrder(List.of(new OrderLine("book 1", 1, BigDecimal.ONE))))
			.expectException(InvalidOrder.class);
	}

	@Test
	void theCurrencyMustBeIso4217() {
		fixture.givenNoPriorActivity()
			.when(new PlaceOrder(ORDER_ID, ALICE, "EURO", List.of(twoBooks()), adasAddress()))
			.expectException(InvalidOrder.class)
			.expectNoEvents();
	}

	@Test
	void changingTheAddressPublishesItAndReturnsTheNewVersion() {
		fixture.given(anOrderPlaced())
			.when(new ChangeShippingAddress(ORDER_ID, newAddress(), alice(), null))
			.expectEvents(new ShippingAddressChanged(ORDER_ID, newAddress(), NOW))
			.expectResultMessagePayload(2L);
	}

	@Test
	void changingToTheSameAddressChangesNothing() {
		fixture.given(anOrderPlaced())
			.when(new ChangeShippingAddress(ORDER_ID, adasAddress(), alice(), null))
			.expectNoEvents()
			.expectResultMessagePayload(1L);
	}

	@Test
	void cannotChangeTheAddressOfACancelledOrder() {
		fixture.given(anOrderPlaced(), cancelled())
			.when(new ChangeShippingAddress(ORDER_ID, newAddress(), alice(), null))
			.expectException(OrderAlreadyCancelled.class)
			.expectNoEvents();
	}

	@Test
	void cancellingPublishesOrderCancelledByCustomerRequest() {
		fixture.given(anOrderPlaced(), new ShippingAddressChanged(ORDER_ID, newAddress(), NOW))
			.when(new CancelOrder(ORDER_ID, "changed my mind", alice(), null))
			.expectEvents(new OrderCancelled(ORDER_ID, CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW))
			.expectResultMessagePayload(3L);
	}

	@Test
	void cannotCancelACancelledOrder() {
		fixture.given(anOrderPlaced(), cancelled())
			.when(new CancelOrder(ORDER_ID, null, alice(), null))
			.expectException(OrderAlreadyCancelled.class)
			.expectNoEvents();
	}

	@Test
	void anotherCustomersOrderIsNotFound() {
		fixture.given(anOrderPlaced())
			.when(new CancelOrder(ORDER_ID, null, bob(), null))
			.expectException(OrderNotFound.class)
			.expectNoEvents();
		fixture.given(anOrderPlaced())
			.when(new ChangeShippingAddress(ORDER_ID, newAddress(), bob(), null))
			.expectException(OrderNotFound.class)
			.expectNoEvents();
	}

	@Test
	void staffMayCancelAnyOrder() {
		fixture.given(anOrderPlaced())
			.when(new CancelOrder(ORDER_ID, null, ops(), null))
			.expectEvents(new OrderCancelled(ORDER_ID, CancellationReason.CUSTOMER_REQUEST, null, NOW));
	}

	@Test
	void aStaleExpectedVersionIsRejectedAndAppendsNothing() {
		fixture.given(anOrderPlaced(), new ShippingAddressChanged(ORDER_ID, newAddress(), NOW))
			.when(new CancelOrder(ORDER_ID, null, alice(), 1L))
			.expectException(OrderVersionMismatch.class)
			.expectNoEvents();
	}

	@Test
	void theVersionCheckComesBeforeTheStateCheck() {
		fixture.given(anOrderPlaced(), cancelled())
			.when(new CancelOrder(ORDER_ID, null, alice(), 1L))
			.expectException(OrderVersionMismatch.class);
	}

	@Test
	void theCurrentExpectedVersionIsAccepted() {
		fixture.given(anOrderPlaced())
			.when(new ChangeShippingAddress(ORDER_ID, newAddress(), alice(), 1L))
			.expectEvents(new ShippingAddressChanged(ORDER_ID, newAddress(), NOW))
			.expectResultMessagePayload(2L);
	}

	@Test
	void anAuthorizedPaymentMakesTheOrderPaidOnce() {
		fixture.given(anOrderPlaced())
			.when(new MarkOrderPaid(ORDER_ID, PAYMENT_ID))
			.expectEvents(new OrderPaid(ORDER_ID, PAYMENT_ID, NOW));
		fixture.given(anOrderPlaced(), paid()).when(new MarkOrderPaid(ORDER_ID, PAYMENT_ID)).expectNoEvents();
	}

	@Test
	void aLateAuthorizationDoesNotReviveACancelledOrder() {
		fixture.given(anOrderPlaced(), cancelled()).when(new MarkOrderPaid(ORDER_ID, PAYMENT_ID)).expectNoEvents();
	}

	@Test
	void cancellingAPaidOrderOnlyRequestsCancellation() {
		fixture.given(anOrderPlaced(), paid())
			.when(new CancelOrder(ORDER_ID, "too slow", alice(), null))
			.expectEvents(new OrderCancellationRequested(ORDER_ID, "too slow", NOW))
			.expectResultMessagePayload(3L);
	}

	@Test
	void cancellingTwiceWhileCancellingChangesNothing() {
		fixture.given(anOrderPlaced(), paid(), cancellationRequested())
			.when(new CancelOrder(ORDER_ID, null, alice(), null))
			.expectNoEvents()
			.expectResultMessagePayload(3L);
	}

	@Test
	void aCustomerCancellationCompletesOnlyWhenOneWasRequested() {
		fixture.given(anOrderPlaced(), paid(), cancellationRequested())
			.when(new CompleteCancellation(ORDER_ID, CancellationReason.CUSTOMER_REQUEST))
			.expectEvents(new OrderCancelled(ORDER_ID, CancellationReason.CUSTOMER_REQUEST, null, NOW));
		fixture.given(anOrderPlaced(), paid())
			.when(new CompleteCancellation(ORDER_ID, CancellationReason.CUSTOMER_REQUEST))
			.expectNoEvents();
	}

	@Test
	void aRejectedCancellationLetsThePaidOrderCarryOn() {
		fixture.given(anOrderPlaced(), paid(), cancellationRequested())
			.when(new RejectCancellation(ORDER_ID, "already dispatched"))
			.expectEvents(new OrderCancellationRejected(ORDER_ID, "already dispatched", NOW));
		fixture
			.given(anOrderPlaced(), paid(), cancellationRequested(),
					new OrderCancellationRejected(ORDER_ID, "already dispatched", NOW))
			.when(new MarkOrderShipped(ORDER_ID, "TRACK-1"))
			.expectEvents(new OrderShipped(ORDER_ID, "TRACK-1", NOW));
	}

	@Test
	void aDispatchWhileCancellingShipsTheOrder() {
		fixture.given(anOrderPlaced(), paid(), cancellationRequested())
			.when(new MarkOrderShipped(ORDER_ID, "TRACK-1"))
			.expectEvents(new OrderShipped(ORDER_ID, "TRACK-1", NOW));
	}

	@Test
	void aShippedOrderIsDeliveredOnce() {
		fixture.given(anOrderPlaced(), paid(), shipped())
			.when(new MarkOrderDelivered(ORDER_ID))
			.expectEvents(new OrderDelivered(ORDER_ID, NOW));
		fixture.given(anOrderPlaced(), paid(), shipped(), new OrderDelivered(ORDER_ID, NOW))
			.when(new MarkOrderDelivered(ORDER_ID))
			.expectNoEvents();
	}

	@Test
	void aShippedOrderCanNoLongerBeCancelledOrReaddressedByTheCustomer() {
		fixture.given(anOrderPlaced(), paid(), shipped())
			.when(new CancelOrder(ORDER_ID, null, alice(), null))
			.expectException(OrderAlreadyShipped.class)
			.expectNoEvents();
		fixture.given(anOrderPlaced(), paid(), shipped())
			.when(new ChangeShippingAddress(ORDER_ID, newAddress(), alice(), null))
			.expectException(OrderAlreadyShipped.class)
			.expectNoEvents();
	}

	@Test
	void aFailedShipmentCancelsEvenAShippedOrder() {
		fixture.given(anOrderPlaced(), paid(), shipped())
			.when(new CompleteCancellation(ORDER_ID, CancellationReason.SHIPMENT_FAILED))
			.expectEvents(new OrderCancelled(ORDER_ID, CancellationReason.SHIPMENT_FAILED, null, NOW));
	}

	@Test
	void aDeliveredOrCancelledOrderIsNeverCancelledAgain() {
		fixture.given(anOrderPlaced(), paid(), shipped(), new OrderDelivered(ORDER_ID, NOW))
			.when(new CompleteCancellation(ORDER_ID, CancellationReason.SHIPMENT_FAILED))
			.expectNoEvents();
		fixture.given(anOrderPlaced(), cancelled())
			.when(new CompleteCancellation(ORDER_ID, CancellationReason.PAYMENT_TIMEOUT))
			.expectNoEvents();
	}

	private static OrderPaid paid() {
		return new OrderPaid(ORDER_ID, PAYMENT_ID, NOW);
	}

	private static OrderCancellationRequested cancellationRequested() {
		return new OrderCancellationRequested(ORDER_ID, null, NOW);
	}

	private static OrderShipped shipped() {
		return new OrderShipped(ORDER_ID, "TRACK-1", NOW);
	}

	private static OrderCancelled cancelled() {
		return new OrderCancelled(ORDER_ID, CancellationReason.CUSTOMER_REQUEST, null, NOW);
	}

}

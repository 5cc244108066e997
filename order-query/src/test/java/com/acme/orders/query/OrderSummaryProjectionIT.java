package com.acme.orders.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.CancellationReason;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderDelivered;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderShipped;
import com.acme.orders.events.payment.PaymentAuthorized;
import com.acme.orders.events.payment.PaymentRequested;
import com.acme.orders.events.shipping.ShipmentAddressChangeRejected;
import com.acme.orders.events.shipping.ShipmentDispatched;
import com.acme.orders.events.shipping.ShipmentRequested;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.ShippingAddressChanged;
import com.acme.orders.platform.projection.ReadModelSlot;
import com.acme.orders.platform.security.Caller;
import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order-summary projection writing its tables in PostgreSQL, called the way its
 * processor calls it.
 */
@SpringBootTest(classes = OrderQueryApplication.class)
@PostgresTest
class OrderSummaryProjectionIT {

	private static final Instant PLACED = Instant.parse("2026-11-20T09:00:00Z");

	private static final Address LONDON = new Address("Ada Lovelace", "1 Main St", "London", "N1 9GU", "GB");

	private static final Address PARIS = new Address("Ada Lovelace", "5 Rue de Rivoli", "Paris", "75001", "FR");

	@Autowired
	private OrderReadModel readModel;

	@Autowired
	private OrderQueries queries;

	@Autowired
	private JdbcClient jdbc;

	private OrderSummaryProjection projection;

	private OrderProgressProjection progress;

	/** Handlers of the active slot, a; queries read that slot. */
	@BeforeEach
	void emptyReadModel() {
		jdbc.sql("truncate order_summary_a, order_summary_line_a, order_timeline_a").update();
		List<Object> handlers = readModel.eventHandlers(ReadModelSlot.A);
		projection = (OrderSummaryProjection) handlers.get(0);
		progress = (OrderProgressProjection) handlers.get(1);
	}

	@Test
	void aPlacedOrderShowsItsLinesTotalAddressAndVersionOne() {
		UUID orderId = UUID.randomUUID();
		projection.on(placed(orderId, "alice", PLACED), 0, "e1", null);

		OrderDetails order = find(orderId, Caller.customer("alice"));
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.version()).isEqualTo(1);
		assertThat(order.total()).isEqualTo(new MoneyView("28.99", "EUR"));
		assertThat(order.lines()).containsExactly(new OrderLineView("BOOK-1984", 2, "12.50", "25.00"),
				new OrderLineView("PEN-1", 1, "3.99", "3.99"));
		assertThat(order.shippingAddress())
			.isEqualTo(new AddressView("Ada Lovelace", "1 Main St", "London", "N1 9GU", "GB"));
		assertThat(order.placedAt()).isEqualTo(PLACED);
	}

	@Test
	void changesMoveTheOrderToTheirVersionAndStatus() {
		UUID orderId = UUID.randomUUID();
		projection.on(placed(orderId, "alice", PLACED), 0, "e1", null);
		projection.on(new ShippingAddressChanged(orderId, PARIS, PLACED.plusSeconds(60)), 1, "e2", null);
		projection.on(new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, "no longer needed",
				PLACED.plusSeconds(120)), 2, "e3", null);

		OrderDetails order = find(orderId, Caller.customer("alice"));
		assertThat(order.version()).isEqualTo(3);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancellationReason()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(order.shippingAddress().city()).isEqualTo("Paris");
		assertThat(order.updatedAt()).isEqualTo(PLACED.plusSeconds(120));
	}

	@Test
	void replayingEveryEventAgainLeavesTheSameRows() {
		UUID orderId = UUID.randomUUID();
		Runnable allEvents = () -> {
			projection.on(placed(orderId, "alice", PLACED), 0, "e1", null);
			projection.on(new ShippingAddressChanged(orderId, PARIS, PLACED.plusSeconds(60)), 1, "e2", null);
			projection.on(
					new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, null, PLACED.plusSeconds(120)), 2,
					"e3", null);
		};
		allEvents.run();
		List<Map<String, Object>> once = dump();

		allEvents.run();
		projection.on(new ShippingAddressChanged(orderId, LONDON, PLACED.plusSeconds(60)), 1, "e2", null);

		assertThat(dump()).isEqualTo(once);
	}

	@Test
	void customersSeeOnlyTheirOwnOrdersAndStaffSeeAll() {
		UUID alices = UUID.randomUUID();
		UUID bobs = UUID.randomUUID();
		projection.on(placed(alices, "alice", PLACED), 0, "a1", null);
		projection.on(placed(bobs, "bob", PLACED.plusSeconds(1)), 0, "b1", null);

		assertThat(queries.handle(new FindOrder(alices, Caller.customer("bob")))).isEmpty();
		assertThat(queries.handle(new FindOrderHistory(alices, Caller.customer("bob")))).isEmpty();
		assertThat(queries.handle(new FindOrder(alices, Caller.admin("ops")))).isPresent();
		assertThat(page(Caller.customer("alice"), null, OrderSort.DEFAULT).items()).extracting(OrderSummary::orderId)
			.containsExactly(alices);
		assertThat(page(Caller.admin("ops"), null, OrderSort.DEFAULT).items()).extracting(OrderSummary::orderId)
			.containsExactly(bobs, alices);
	}

	@Test
	void pagesAreSortedFilteredAndCounted() {
		for (int i = 0; i < 5; i++) {
			UUID orderId = UUID.randomUUID();
			projection.on(placed(orderId, "alice", PLACED.plusSeconds(i)), 0, "p" + i, null);
			if (i % 2 == 0) {
				projection.on(new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, null,
						PLACED.plusSeconds(100 - i)), 1, "c" + i, null);
			}
		}
		Caller alice = Caller.customer("alice");

		OrderPage firstTwo = queries.handle(new FindOrders(alice, null, OrderSort.DEFAULT, 0, 2));
		assertThat(firstTwo.totalItems()).isEqualTo(5);
		assertThat(firstTwo.items()).extracting(OrderSummary::placedAt)
			.containsExactly(PLACED.plusSeconds(4), PLACED.plusSeconds(3));
		assertThat(queries.handle(new FindOrders(alice, null, OrderSort.DEFAULT, 2, 2)).items()).hasSize(1);

		OrderPage cancelled = page(alice, OrderStatus.CANCELLED, OrderSort.parse("updatedAt,asc").orElseThrow());
		assertThat(cancelled.totalItems()).isEqualTo(3);
		assertThat(cancelled.items()).extracting(OrderSummary::updatedAt)
			.containsExactly(PLACED.plusSeconds(96), PLACED.plusSeconds(98), PLACED.plusSeconds(100));
	}

	@Test
	void theHistoryListsEveryEventOldestFirstWithWhatItChanged() {
		UUID orderId = UUID.randomUUID();
		projection.on(placed(orderId, "alice", PLACED), 0, "e1", null);
		projection.on(new ShippingAddressChanged(orderId, PARIS, PLACED.plusSeconds(60)), 1, "e2", null);

		List<TimelineEntry> history = queries.handle(new FindOrderHistory(orderId, Caller.customer("alice")))
			.orElseThrow()
			.entries();

		assertThat(history).extracting(TimelineEntry::version, TimelineEntry::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "OrderPlaced"),
					org.assertj.core.groups.Tuple.tuple(2L, "ShippingAddressChanged"));
		assertThat(history.get(0).details()).containsEntry("total", Map.of("amount", "28.99", "currency", "EUR"));
		assertThat(history.get(1).details()).extractingByKey("shippingAddress")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("city", "Paris");
	}

	@Test
	void paymentAndShipmentProgressShowsWithTheShipmentsAddressAndTracking() {
		UUID orderId = UUID.randomUUID();
		UUID paymentId = UUID.randomUUID();
		UUID shipmentId = UUID.randomUUID();
		Money total = new Money(new BigDecimal("28.99"), "EUR");
		projection.on(placed(orderId, "alice", PLACED), 0, "o1", null);
		progress.on(new PaymentRequested(paymentId, orderId, total, PLACED.plusSeconds(1)), 0, "p1");
		progress.on(new PaymentAuthorized(paymentId, orderId, total, "AUTH-1", PLACED.plusSeconds(2)), 1, "p2");
		projection.on(new OrderPaid(orderId, paymentId, PLACED.plusSeconds(3)), 1, "o2", null);
		progress.on(new ShipmentRequested(shipmentId, orderId, LONDON, PLACED.plusSeconds(4)), 0, "s1");
		projection.on(new ShippingAddressChanged(orderId, PARIS, PLACED.plusSeconds(5)), 2, "o3", null);
		progress.on(new ShipmentDispatched(shipmentId, orderId, "TRACK-9", PLACED.plusSeconds(6)), 1, "s2");
		progress.on(new ShipmentAddressChangeRejected(shipmentId, orderId, PARIS, "left", PLACED.plusSeconds(7)), "s3");
		projection.on(new OrderShipped(orderId, "TRACK-9", PLACED.plusSeconds(8)), 3, "o4", null);

		OrderDetails order = find(orderId, Caller.customer("alice"));
		assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(order.version()).isEqualTo(4);
		assertThat(order.paymentStatus()).isEqualTo("AUTHORIZED");
		assertThat(order.shipment()).isEqualTo(new ShipmentView(shipmentId, "DISPATCHED", "TRACK-9"));
		assertThat(order.shippingAddress().city()).as("the address the shipment uses").isEqualTo("London");
		assertThat(queries.handle(new FindOrderHistory(orderId, Caller.customer("alice"))).orElseThrow().entries())
			.extracting(TimelineEntry::type)
			.containsExactly("OrderPlaced", "PaymentRequested", "PaymentAuthorized", "OrderPaid", "ShipmentRequested",
					"ShippingAddressChanged", "ShipmentDispatched", "ShipmentAddressChangeRejected", "OrderShipped");

		progress.on(new PaymentRequested(paymentId, orderId, total, PLACED.plusSeconds(1)), 0, "p1");
		assertThat(find(orderId, Caller.customer("alice")).paymentStatus()).as("a replayed event changes nothing")
			.isEqualTo("AUTHORIZED");
	}

	@Test
	void bothEventsOfAnUpcasterSplitAreKeptAndAReplayChangesNothing() {
		UUID orderId = UUID.randomUUID();
		projection.on(placed(orderId, "alice", PLACED), 0, "o1", null);
		projection.on(new OrderPaid(orderId, UUID.randomUUID(), PLACED), 1, "o2", null);
		Runnable split = () -> {
			projection.on(new OrderShipped(orderId, "1Z999", PLACED.plusSeconds(60)), 2, "stored-3", 0);
			projection.on(new OrderDelivered(orderId, PLACED.plusSeconds(120)), 2, "stored-3", 1);
		};
		split.run();
		List<Map<String, Object>> once = dump();
		split.run();

		OrderDetails order = find(orderId, Caller.customer("alice"));
		assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(order.version()).isEqualTo(3);
		assertThat(queries.handle(new FindOrderHistory(orderId, Caller.customer("alice"))).orElseThrow().entries())
			.extracting(TimelineEntry::type)
			.containsExactly("OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered");
		assertThat(dump()).isEqualTo(once);
	}

	private OrderDetails find(UUID orderId, Caller caller) {
		return queries.handle(new FindOrder(orderId, caller)).orElseThrow();
	}

	@Test
	void bothSlotsHaveTheSameKeysAndIndexes() {
		assertThat(indexesOfSlot("b")).isEqualTo(indexesOfSlot("a"))
			.as("the timeline is read by order through its primary key")
			.contains("order_timeline (order_id, event_id, part) unique");
	}

	/** The slot's index definitions, with its table names written without the slot. */
	private List<String> indexesOfSlot(String slot) {
		return jdbc
			.sql("""
					select replace(i.relname, '_' || :slot, '') || ' ('
					       || string_agg(a.attname, ', ' order by k.n) || ')'
					       || case when x.indisunique then ' unique' else '' end
					from pg_index x
					join pg_class i on i.oid = x.indrelid
					cross join lateral unnest(x.indkey) with ordinality as k(attnum, n)
					join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
					where i.relname in ('order_summary_' || :slot, 'order_summary_line_' || :slot, 'order_timeline_' || :slot)
					group by i.relname, x.indexrelid, x.indisunique
					order by 1
					""")
			.param("slot", slot)
			.query(String.class)
			.list();
	}

	private OrderPage page(Caller caller, OrderStatus status, OrderSort sort) {
		return queries.handle(new FindOrders(caller, status, sort, 0, 20));
	}

	private List<Map<String, Object>> dump() {
		return jdbc.sql("""
				select s.*, l.line_no, l.sku, l.quantity, l.unit_price, t.event_id, t.version as event_version,
				       t.details::text as details
				from order_summary_a s
				left join order_summary_line_a l on l.order_id = s.order_id
				left join order_timeline_a t on t.order_id = s.order_id
				order by l.line_no, t.event_id, t.part
				""").query().listOfRows();
	}

	private static OrderPlaced placed(UUID orderId, String customer, Instant at) {
		return new OrderPlaced(orderId, customer,
				List.of(new OrderLine("BOOK-1984", 2, new BigDecimal("12.50")),
						new OrderLine("PEN-1", 1, new BigDecimal("3.99"))),
				new Money(new BigDecimal("28.99"), "EUR"), LONDON, at);
	}

}

package com.acme.orders.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.order.OrderCancellationRejected;
import com.acme.orders.events.order.OrderCancellationRequested;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderDelivered;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.OrderShipped;
import com.acme.orders.events.order.ShippingAddressChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/**
 * Time travel for support staff and the order's owner: the order's own fields and status
 * at a past instant, folded from the Order's events in the event store (historic shapes
 * included, through the upcasters). Snapshots are skipped, since they only describe the
 * present.
 */
@Component
class OrderAsOf {

	private final EventStore eventStore;

	OrderAsOf(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	@QueryHandler
	Optional<OrderDetails> handle(FindOrderAsOf query) {
		Fold fold = new Fold();
		eventStore.readEvents(query.orderId().toString(), 0L)
			.asStream()
			.takeWhile(event -> !event.getTimestamp().isAfter(query.asOf()))
			.forEach(fold::apply);
		return fold.result().filter(order -> query.caller().mayAccess(order.customerId()));
	}

	/** The order's state event by event, the same transitions as the read model's. */
	private static final class Fold {

		private OrderPlaced placed;

		private Address address;

		private OrderStatus status;

		private String cancellationReason;

		private Instant updatedAt;

		private long version;

		void apply(DomainEventMessage<?> message) {
			Object event = message.getPayload();
			if (event instanceof OrderPlaced orderPlaced) {
				placed = orderPlaced;
				address = orderPlaced.shippingAddress();
				status = OrderStatus.PENDING_PAYMENT;
			}
			else if (event instanceof ShippingAddressChanged changed) {
				address = changed.shippingAddress();
			}
			else if (event instanceof OrderPaid) {
				status = OrderStatus.PAID;
			}
			else if (event instanceof OrderCancellationRequested) {
				status = OrderStatus.CANCELLING;
			}
			else if (event instanceof OrderCancellationRejected) {
				status = (status == OrderStatus.CANCELLING) ? OrderStatus.PAID : status;
			}
			else if (event instanceof OrderShipped) {
				status = OrderStatus.SHIPPED;
			}
			else if (event instanceof OrderDelivered) {
				status = OrderStatus.DELIVERED;
			}
			else if (event instanceof OrderCancelled cancelled) {
				status = OrderStatus.CANCELLED;
				cancellationReason = cancelled.reason().name();
			}
			updatedAt = message.getTimestamp();
			version = message.getSequenceNumber() + 1;
		}

		Optional<OrderDetails> result() {
			if (placed == null) {
				return Optional.empty();
			}
			Money total = placed.total();
			List<OrderLineView> lines = placed.lines()
				.stream()
				.map(line -> new OrderLineView(line.sku(), line.quantity(), format(line.unitPrice(), total),
						format(line.lineTotal(), total)))
				.toList();
			return Optional
				.of(new OrderDetails(placed.orderId(), placed.customerId(), status, cancellationReason, lines,
						new MoneyView(format(total.amount(), total), total.currency()), new AddressView(address.name(),
								address.street(), address.city(), address.postalCode(), address.country()),
						placed.placedAt(), updatedAt, version, null, null));
		}

		private static String format(BigDecimal amount, Money currencyOf) {
			return amount.setScale(Money.fractionDigits(currencyOf.currency())).toPlainString();
		}

	}

}

package com.acme.orders.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import com.acme.orders.events.OrderLine;
import com.acme.orders.events.order.CancellationReason;
import com.acme.orders.events.order.OrderCancellationRejected;
import com.acme.orders.events.order.OrderCancellationRequested;
import com.acme.orders.events.order.OrderCancelled;
import com.acme.orders.events.order.OrderDelivered;
import com.acme.orders.events.order.OrderPaid;
import com.acme.orders.events.order.OrderPlaced;
import com.acme.orders.events.order.OrderShipped;
import com.acme.orders.events.order.ShippingAddressChanged;
import com.acme.orders.platform.security.Caller;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order, rebuilt from its events. It keeps only what its decisions need. Its version
 * is the number of events in its stream (1 after placement); that is the ETag callers
 * see.
 * <p>
 * Customers place, re-address and cancel it; the order policy moves it along as payment
 * and shipping report back. Those system commands are idempotent: a duplicate or late one
 * changes nothing.
 * <p>
 * The revision is that of the snapshot shape: bump it whenever a field is added, removed
 * or changes meaning.
 */
@Aggregate(snapshotTriggerDefinition = "orderSnapshotTrigger", cache = "orderCache")
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE)
class Order {

	@AggregateIdentifier
	private UUID orderId;

	private String customerId;

	private OrderStatus status;

	private Address shippingAddress;

	private boolean cancellationRequested;

	// Required by Axon to rebuild the aggregate from events (and by Jackson to read a
	// snapshot)
	Order() {
	}

	@CommandHandler
	Order(PlaceOrder command, Clock clock) {
		OrderRules.requireValid(command);
		apply(new OrderPlaced(command.orderId(), command.customerId(), command.lines(), totalOf(command),
				command.shippingAddress(), clock.instant()));
	}

	@CommandHandler
	long handle(ChangeShippingAddress command, Clock clock) {
		requireAccess(command.requestedBy(), command.expectedVersion());
		requireNotShippedOrCancelled();
		if (!command.shippingAddress().equals(shippingAddress)) {
			apply(new ShippingAddressChanged(orderId, command.shippingAddress(), clock.instant()));
		}
		return version();
	}

	/**
	 * Unpaid orders cancel at once; a paid one waits until the shipment is stopped and
	 * the money is back.
	 */
	@CommandHandler
	long handle(CancelOrder command, Clock clock) {
		requireAccess(command.requestedBy(), command.expectedVersion());
		requireNotShippedOrCancelled();
		if (status == OrderStatus.PENDING_PAYMENT) {
			apply(new OrderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST, command.comment(), clock.instant()));
		}
		else if (!cancellationRequested) {
			apply(new OrderCancellationRequested(orderId, command.comment(), clock.instant()));
		}
		return version();
	}

	@CommandHandler
	void handle(MarkOrderPaid command, Clock clock) {
		if (status == OrderStatus.PENDING_PAYMENT) {
			apply(new OrderPaid(orderId, command.paymentId(), clock.instant()));
		}
	}

	@CommandHandler
	void handle(MarkOrderShipped command, Clock clock) {
		if (status == OrderStatus.PAID || status == OrderStatus.CANCELLING) {
			apply(new OrderShipped(orderId, command.trackingNumber(), clock.instant()));
		}
	}

	@CommandHandler
	void handle(MarkOrderDelivered command, Clock clock) {
		if (status == OrderStatus.SHIPPED) {
			apply(new OrderDelivered(orderId, clock.instant()));
		}
	}

	@CommandHandler
	void handle(CompleteCancellation command, Clock clock) {
		boolean customerCancellation = command.reason() == CancellationReason.CUSTOMER_REQUEST;
		if (status != OrderStatus.CANCELLED && status != OrderStatus.DELIVERED
				&& (!customerCancellation || cancellationRequested)) {
			apply(new OrderCancelled(orderId, command.reason(), null, clock.instant()));
		}
	}

	@CommandHandler
	void handle(RejectCancellation command, Clock clock) {
		if (cancellationRequested && status != OrderStatus.CANCELLED) {
			apply(new OrderCancellationRejected(orderId, command.reason(), clock.instant()));
		}
	}

	@EventSourcingHandler
	void on(OrderPlaced event) {
		orderId = event.orderId();
		customerId = event.customerId();
		shippingAddress = event.shippingAddress();
		status = OrderStatus.PENDING_PAYMENT;
	}

	@EventSourcingHandler
	void on(ShippingAddressChanged event) {
		shippingAddress = event.shippingAddress();
	}

	@EventSourcingHandler
	void on(OrderPaid event) {
		status = OrderStatus.PAID;
	}

	@EventSourcingHandler
	void on(OrderCancellationRequested event) {
		status = OrderStatus.CANCELLING;
		cancellationRequested = true;
	}

	@EventSourcingHandler
	void on(OrderCancellationRejected event) {
		cancellationRequested = false;
		status = (status == OrderStatus.CANCELLING) ? OrderStatus.PAID : status;
	}

	@EventSourcingHandler
	void on(OrderShipped event) {
		status = OrderStatus.SHIPPED;
	}

	@EventSourcingHandler
	void on(OrderDelivered event) {
		status = OrderStatus.DELIVERED;
	}

	@EventSourcingHandler
	void on(OrderCancelled event) {
		status = OrderStatus.CANCELLED;
	}

	/**
	 * Another customer's order answers as if it did not exist, so that order ids reveal
	 * nothing.
	 */
	private void requireAccess(Caller caller, Long expectedVersion) {
		if (!caller.mayAccess(customerId)) {
			throw new OrderNotFound(orderId);
		}
		if (expectedVersion != null && expectedVersion != version()) {
			throw new OrderVersionMismatch(orderId, expectedVersion, version());
		}
	}

	private void requireNotShippedOrCancelled() {
		if (status == OrderStatus.CANCELLED) {
			throw new OrderAlreadyCancelled(orderId);
		}
		if (status.hasShipped()) {
			throw new OrderAlreadyShipped(orderId);
		}
	}

	/** Axon counts from 0 at the first event; we count events. */
	private static long version() {
		return AggregateLifecycle.getVersion() + 1;
	}

	private static Money totalOf(PlaceOrder command) {
		BigDecimal total = command.lines().stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Money(total.setScale(Money.fractionDigits(command.currency())), command.currency());
	}

}

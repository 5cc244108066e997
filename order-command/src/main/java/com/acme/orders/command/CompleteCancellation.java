package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.events.order.CancellationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel the order for a reason another context established: a declined or timed-out
 * payment, a failed shipment, or a customer's cancellation once the money is back. Sent
 * by the order policy; a duplicate or late one changes nothing.
 */
public record CompleteCancellation(@TargetAggregateIdentifier UUID orderId, CancellationReason reason) {
}

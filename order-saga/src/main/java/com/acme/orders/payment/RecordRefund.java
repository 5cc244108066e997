package com.acme.orders.payment;

import java.util.UUID;

import com.acme.orders.events.payment.RefundReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway gave the money back.
 */
public record RecordRefund(@TargetAggregateIdentifier UUID paymentId, RefundReason reason, String refundId) {
}

package com.acme.orders.payment;

import java.util.UUID;

import com.acme.orders.events.payment.RefundReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway kept refusing to give the money back.
 */
public record RecordRefundFailure(@TargetAggregateIdentifier UUID paymentId, RefundReason reason, String cause) {
}

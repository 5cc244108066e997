package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.platform.security.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The customer asks to cancel the order. {@code comment} is optional free text;
 * {@code expectedVersion} is the caller's {@code If-Match}, or null.
 */
public record CancelOrder(@TargetAggregateIdentifier UUID orderId, String comment, Caller requestedBy,
		Long expectedVersion) {
}

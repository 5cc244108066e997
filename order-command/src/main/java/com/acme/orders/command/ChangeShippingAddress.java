package com.acme.orders.command;

import java.util.UUID;

import com.acme.orders.events.Address;
import com.acme.orders.platform.security.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ship the order somewhere else. {@code expectedVersion} is the caller's
 * {@code If-Match}, or null.
 */
public record ChangeShippingAddress(@TargetAggregateIdentifier UUID orderId, Address shippingAddress,
		Caller requestedBy, Long expectedVersion) {
}

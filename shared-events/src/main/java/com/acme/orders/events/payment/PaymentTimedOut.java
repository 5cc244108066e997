package com.acme.orders.events.payment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The gateway gave no answer in time; a later authorization will be refunded.
 */
@Revision("1")
public record PaymentTimedOut(UUID paymentId, UUID orderId, Instant timedOutAt) {
}

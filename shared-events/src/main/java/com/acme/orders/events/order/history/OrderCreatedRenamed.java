package com.acme.orders.events.order.history;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Early releases stored {@code OrderPlaced} under the name {@code OrderCreated} (revision
 * 1, the same shape as {@code OrderPlaced} revision 1). Only the type name changes;
 * {@link OrderPlacedRevision1To2} then takes the shape.
 */
public class OrderCreatedRenamed extends SingleEventUpcaster {

	static final String OLD_TYPE = "com.acme.orders.events.order.OrderCreated";

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return representation.getType().getName().equals(OLD_TYPE)
				&& "1".equals(representation.getType().getRevision());
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		return representation.upcastPayload(new SimpleSerializedType(OrderPlacedRevision1To2.TYPE, "1"),
				com.fasterxml.jackson.databind.JsonNode.class, payload -> payload);
	}

}

package com.acme.orders.events.order.history;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventMultiUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * A historic {@code OrderShippedAndDelivered} (revision 1,
 * {@code {"orderId","trackingNumber","shippedAt", "deliveredAt"}}) becomes
 * {@code OrderShipped} followed by {@code OrderDelivered}. Both come from one stored
 * event and so share its identifier and sequence number; each carries its place in the
 * split as the metadata value {@value #PART}, which read models use to keep both.
 */
public class OrderShippedAndDeliveredSplit extends EventMultiUpcaster {

	/** Metadata key: 0 for the first event made from a stored event, 1 for the second. */
	public static final String PART = "upcastPart";

	static final String OLD_TYPE = "com.acme.orders.events.order.OrderShippedAndDelivered";

	private static final String SHIPPED = "com.acme.orders.events.order.OrderShipped";

	private static final String DELIVERED = "com.acme.orders.events.order.OrderDelivered";

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return representation.getType().getName().equals(OLD_TYPE)
				&& "1".equals(representation.getType().getRevision());
	}

	@Override
	protected Stream<IntermediateEventRepresentation> doUpcast(IntermediateEventRepresentation representation) {
		return Stream.of(
				representation.upcast(new SimpleSerializedType(SHIPPED, "1"), JsonNode.class,
						old -> JsonNodeFactory.instance.objectNode()
							.put("orderId", old.path("orderId").asText())
							.put("trackingNumber", old.path("trackingNumber").asText())
							.put("shippedAt", old.path("shippedAt").asText()),
						metaData -> metaData.and(PART, 0)),
				representation.upcast(new SimpleSerializedType(DELIVERED, "1"), JsonNode.class,
						old -> JsonNodeFactory.instance.objectNode()
							.put("orderId", old.path("orderId").asText())
							.put("deliveredAt", old.path("deliveredAt").asText()),
						metaData -> metaData.and(PART, 1)));
	}

}

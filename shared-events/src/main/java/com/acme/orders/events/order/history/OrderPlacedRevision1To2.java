package com.acme.orders.events.order.history;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code OrderPlaced} revision 1 → 2. Revision 1 was
 * {@code {"orderId","customerId","items":[{"productId","qty","price"}],"totalAmount","currency","address"}},
 * with prices as JSON numbers and the address as one line
 * {@code "name, street, postalCode city, country"}. Revision 2 has {@code lines[{sku,
 * quantity, unitPrice}]}, {@code total{amount, currency}} with decimal strings, a
 * structured {@code shippingAddress}, and {@code placedAt}, which revision 1 lacked and
 * is taken from the event's timestamp. An address that does not parse is kept whole in
 * {@code street}, never dropped.
 */
public class OrderPlacedRevision1To2 extends SingleEventUpcaster {

	static final String TYPE = "com.acme.orders.events.order.OrderPlaced";

	private static final Pattern ONE_LINE_ADDRESS = Pattern
		.compile("\\s*([^,]+),\\s*([^,]+),\\s*(\\S+(?:\\s\\S+)?)\\s+([^,]+?),\\s*([A-Za-z]{2})\\s*");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return representation.getType().getName().equals(TYPE) && "1".equals(representation.getType().getRevision());
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		String placedAt = representation.getTimestamp().toString();
		return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class,
				old -> revision2(old, placedAt));
	}

	static ObjectNode revision2(JsonNode old, String placedAt) {
		String currency = old.path("currency").asText();
		ObjectNode today = NODES.objectNode();
		today.put("orderId", old.path("orderId").asText());
		today.put("customerId", old.path("customerId").asText());
		ArrayNode lines = today.putArray("lines");
		for (JsonNode item : old.path("items")) {
			lines.addObject()
				.put("sku", item.path("productId").asText())
				.put("quantity", item.path("qty").asInt())
				.put("unitPrice", decimal(item.path("price")));
		}
		today.putObject("total").put("amount", decimal(old.path("totalAmount"))).put("currency", currency);
		today.set("shippingAddress", address(old.path("address").asText()));
		today.put("placedAt", placedAt);
		return today;
	}

	/**
	 * A JSON number as a decimal string, exactly as written (no binary floating point on
	 * the way).
	 */
	private static String decimal(JsonNode number) {
		return new BigDecimal(number.asText()).toPlainString();
	}

	private static ObjectNode address(String oneLine) {
		Matcher parts = ONE_LINE_ADDRESS.matcher(oneLine);
		ObjectNode address = NODES.objectNode();
		if (parts.matches()) {
			return address.put("name", parts.group(1).strip())
				.put("street", parts.group(2).strip())
				.put("city", parts.group(4).strip())
				.put("postalCode", parts.group(3).strip())
				.put("country", parts.group(5).toUpperCase());
		}
		return address.put("name", "").put("street", oneLine).put("city", "").put("postalCode", "").put("country", "");
	}

}

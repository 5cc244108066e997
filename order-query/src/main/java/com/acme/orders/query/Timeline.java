package com.acme.orders.query;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How events are described in an order's timeline.
 */
final class Timeline {

	private Timeline() {
	}

	/**
	 * The event's position in the event store, which orders the events of all contexts;
	 * null when unknown.
	 */
	static Long position(TrackingToken token) {
		return (token == null) ? null : token.position().stream().boxed().findFirst().orElse(null);
	}

	static Map<String, Object> money(Money money) {
		return Map.of("amount", money.amountInMinorUnitScale().toPlainString(), "currency", money.currency());
	}

	static Map<String, Object> address(Address address) {
		return Map.of("name", address.name(), "street", address.street(), "city", address.city(), "postalCode",
				address.postalCode(), "country", address.country());
	}

	static Map<String, Object> withComment(Map<String, Object> details, String comment) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		if (comment != null) {
			all.put("comment", comment);
		}
		return all;
	}

}

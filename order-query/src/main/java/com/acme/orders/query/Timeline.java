package com.acme.orders.query;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.orders.events.Address;
import com.acme.orders.events.Money;

/**
 * How events are described in an order's timeline.
 */
final class Timeline {

	private Timeline() {
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

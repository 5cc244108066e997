package com.acme.orders.platform.projection;

import java.util.Locale;

/**
 * One of the two copies of a rebuildable projection's tables. One slot answers queries
 * while the other is idle or being rebuilt.
 */
public enum ReadModelSlot {

	A, B;

	/** The lower-case letter that ends the slot's table and processor names. */
	public String suffix() {
		return name().toLowerCase(Locale.ROOT);
	}

	public ReadModelSlot other() {
		return (this == A) ? B : A;
	}

	static ReadModelSlot ofSuffix(String suffix) {
		return valueOf(suffix.trim().toUpperCase(Locale.ROOT));
	}

}

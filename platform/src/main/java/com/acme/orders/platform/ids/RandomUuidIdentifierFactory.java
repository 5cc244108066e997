package com.acme.orders.platform.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers from {@link RandomUuids}; found by Axon through
 * {@code META-INF/services}.
 */
public class RandomUuidIdentifierFactory extends IdentifierFactory {

	@Override
	public String generateIdentifier() {
		return RandomUuids.next().toString();
	}

}

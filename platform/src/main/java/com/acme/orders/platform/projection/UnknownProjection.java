package com.acme.orders.platform.projection;

/**
 * No rebuildable projection has that name in this service.
 */
public class UnknownProjection extends RuntimeException {

	public UnknownProjection(String name) {
		super("No projection named " + name);
	}

}

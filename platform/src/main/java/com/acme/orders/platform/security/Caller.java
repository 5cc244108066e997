package com.acme.orders.platform.security;

import java.util.Objects;

import org.springframework.security.core.Authentication;

/**
 * Who sent the current request: a customer acting on their own behalf, or staff with the
 * ADMIN role.
 *
 * @param name the authenticated principal's name (the customer id for customers)
 * @param admin whether the caller may see and act on every customer's data
 */
public record Caller(String name, boolean admin) {

	public static final String ADMIN_ROLE = "ADMIN";

	public Caller {
		Objects.requireNonNull(name, "name");
	}

	public static Caller customer(String name) {
		return new Caller(name, false);
	}

	public static Caller admin(String name) {
		return new Caller(name, true);
	}

	static Caller of(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> ("ROLE_" + ADMIN_ROLE).equals(authority.getAuthority()));
		return new Caller(authentication.getName(), admin);
	}

	/** Whether this caller may see or change data that belongs to {@code customerId}. */
	public boolean mayAccess(String customerId) {
		return admin || name.equals(customerId);
	}

}

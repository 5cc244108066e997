package com.acme.orders.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class CommandRateLimitFilterTest {

	private Instant now = Instant.parse("2026-11-22T10:00:00Z");

	private final CommandRateLimitFilter filter = new CommandRateLimitFilter(2, 3, new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	});

	private final AtomicInteger handled = new AtomicInteger();

	@Test
	void aCallerOverTheBurstGets429WithRetryAfterAndTheCommandIsNotHandled() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(send("alice", "POST", "/api/orders").getStatus()).isEqualTo(200);
		}

		MockHttpServletResponse limited = send("alice", "POST", "/api/orders");

		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
		assertThat(limited.getContentType()).startsWith("application/problem+json");
		assertThat(limited.getContentAsString())
			.contains("\"type\":\"https://orders.acme.example/problems/rate-limited\"");
		assertThat(handled).hasValue(3);
	}

	@Test
	void theLimitIsPerCallerAndRefillsOverTime() throws Exception {
		for (int i = 0; i < 3; i++) {
			send("alice", "PUT", "/api/orders/1/shipping-address");
		}
		assertThat(send("alice", "PUT", "/api/orders/1/shipping-address").getStatus()).isEqualTo(429);
		assertThat(send("bob", "PUT", "/api/orders/1/shipping-address").getStatus()).as("another caller")
			.isEqualTo(200);

		now = now.plus(Duration.ofMillis(500));

		assertThat(send("alice", "PUT", "/api/orders/1/shipping-address").getStatus()).as("one token back")
			.isEqualTo(200);
		assertThat(send("alice", "PUT", "/api/orders/1/shipping-address").getStatus()).isEqualTo(429);
	}

	@Test
	void readsAndAnonymousRequestsAreNotCounted() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(send("alice", "GET", "/api/orders").getStatus()).isEqualTo(200);
			assertThat(send(null, "POST", "/api/orders").getStatus()).isEqualTo(200);
		}
		assertThat(send("alice", "POST", "/api/orders").getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse send(String user, String method, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (user != null) {
			request.setUserPrincipal(new UsernamePasswordAuthenticationToken(user, null));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(ServletRequest req, ServletResponse res) {
				handled.incrementAndGet();
			}
		});
		return response;
	}

}

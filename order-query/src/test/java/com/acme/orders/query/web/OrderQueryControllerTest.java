package com.acme.orders.query.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.orders.platform.projection.ReadModelCommits;
import com.acme.orders.platform.security.ApiSecurityAutoConfiguration;
import com.acme.orders.platform.web.WebAutoConfiguration;
import com.acme.orders.query.AddressView;
import com.acme.orders.query.FindOrder;
import com.acme.orders.query.MoneyView;
import com.acme.orders.query.OrderDetails;
import com.acme.orders.query.OrderStatus;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OrderQueryController.class)
@Import({ ReadYourWrites.class, ReadModelCommits.class })
@ImportAutoConfiguration({ WebAutoConfiguration.class, ApiSecurityAutoConfiguration.class })
@TestPropertySource(properties = "orders.query.min-version-wait=300ms")
class OrderQueryControllerTest {

	private static final UUID ORDER_ID = UUID.fromString("0b7e0000-0000-4000-8000-000000000042");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private QueryGateway queries;

	@Test
	void anOrderIsAnsweredWithItsVersionAsETag() throws Exception {
		givenReadModelAt(2);

		mvc.perform(get("/api/orders/{id}", ORDER_ID).with(httpBasic("alice", "alice")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.total.amount").value("25.00"))
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void minVersionWaitsUntilTheReadModelCatchesUp() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		given(queries.query(any(FindOrder.class), any(ResponseType.class))).willAnswer(
				call -> CompletableFuture.completedFuture(Optional.of(order(reads.incrementAndGet() < 3 ? 1 : 2))));

		mvc.perform(get("/api/orders/{id}?minVersion=2", ORDER_ID).with(httpBasic("alice", "alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void minVersionPastTheWaitBoundIs503WithRetryAfter() throws Exception {
		givenReadModelAt(1);

		mvc.perform(get("/api/orders/{id}?minVersion=2", ORDER_ID).with(httpBasic("alice", "alice")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://orders.acme.example/problems/read-model-behind"));
	}

	@Test
	void anOrderTheCallerMayNotSeeIs404() throws Exception {
		given(queries.query(any(FindOrder.class), any(ResponseType.class)))
			.willReturn(CompletableFuture.completedFuture(Optional.empty()));

		mvc.perform(get("/api/orders/{id}", ORDER_ID).with(httpBasic("bob", "bob")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
	}

	@Test
	void anUnsupportedSortIs400() throws Exception {
		mvc.perform(get("/api/orders?sort=total,desc").with(httpBasic("alice", "alice")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void aPageLargerThanOneHundredIs400() throws Exception {
		mvc.perform(get("/api/orders?size=101").with(httpBasic("alice", "alice")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	@Test
	void anUnknownStatusIs400() throws Exception {
		mvc.perform(get("/api/orders?status=LOST").with(httpBasic("alice", "alice")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void unauthenticatedIs401() throws Exception {
		mvc.perform(get("/api/orders/{id}", ORDER_ID)).andExpect(status().isUnauthorized());
	}

	private void givenReadModelAt(long version) {
		given(queries.query(any(FindOrder.class), any(ResponseType.class)))
			.willReturn(CompletableFuture.completedFuture(Optional.of(order(version))));
	}

	private static OrderDetails order(long version) {
		Instant at = Instant.parse("2026-11-20T09:00:00Z");
		return new OrderDetails(ORDER_ID, "alice", OrderStatus.PENDING_PAYMENT, null, List.of(),
				new MoneyView("25.00", "EUR"), new AddressView("Ada", "1 Main St", "London", "N1 9GU", "GB"), at, at,
				version, null, null);
	}

}

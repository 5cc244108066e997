package com.acme.orders.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;

import com.acme.orders.command.CancelOrder;
import com.acme.orders.command.ChangeShippingAddress;
import com.acme.orders.command.OrderAlreadyShipped;
import com.acme.orders.command.OrderIdGenerator;
import com.acme.orders.command.OrderNotFound;
import com.acme.orders.command.OrderVersionMismatch;
import com.acme.orders.command.PlaceOrder;
import com.acme.orders.platform.security.ApiSecurityAutoConfiguration;
import com.acme.orders.platform.web.WebAutoConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OrderCommandController.class)
@ImportAutoConfiguration({ WebAutoConfiguration.class, ApiSecurityAutoConfiguration.class })
@Import(OrderCommandResponses.class)
class OrderCommandControllerTest {

	private static final UUID ORDER_ID = UUID.fromString("0b7e0000-0000-4000-8000-000000000042");

	private static final String VALID_ORDER = """
			{"currency":"EUR","lines":[{"sku":"BOOK-1984","quantity":2,"unitPrice":"12.50"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"London",
			                    "postalCode":"N1 9GU","country":"GB"}}""";

	private static final String NEW_ADDRESS = """
			{"name":"Ada Lovelace","street":"2 Side St","city":"London","postalCode":"N1 9GU","country":"GB"}""";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CommandGateway commands;

	@MockitoBean
	private OrderIdGenerator orderIds;

	@Test
	void placingAnOrderAnswers201WithLocationAndVersionOne() throws Exception {
		given(orderIds.next()).willReturn(ORDER_ID);

		mvc.perform(post("/api/orders").with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_ORDER))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/" + ORDER_ID))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.orderId").value(ORDER_ID.toString()))
			.andExpect(jsonPath("$.version").value(1));

		ArgumentCaptor<PlaceOrder> sent = ArgumentCaptor.forClass(PlaceOrder.class);
		then(commands).should().sendAndWait(sent.capture());
		assertThat(sent.getValue().customerId()).as("the customer is the caller").isEqualTo("alice");
		assertThat(sent.getValue().lines().get(0).unitPrice()).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void anInvalidOrderIs400ListingEveryBadFieldAndSendsNothing() throws Exception {
		String invalid = """
				{"currency":"EUR","lines":[{"sku":"book 1","quantity":0,"unitPrice":"12.505"}],
				 "shippingAddress":{"name":"","street":"1 Main St","city":"London","postalCode":"N1 9GU",
				                    "country":"XX"}}""";

		mvc.perform(post("/api/orders").with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(invalid))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://orders.acme.example/problems/invalid-request"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("lines[0].sku", "lines[0].quantity",
					"lines[0].unitPrice", "shippingAddress.name", "shippingAddress.country")));
		then(commands).should(never()).sendAndWait(any());
	}

	@Test
	void aCurrencyWithoutMinorUnitsRejectsDecimalPrices() throws Exception {
		mvc.perform(post("/api/orders").with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_ORDER.replace("EUR", "JPY")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"))
			.andExpect(jsonPath("$.errors[0].message").value("has more decimals than JPY allows (0)"));
	}

	@Test
	void tooManyLinesAreRejected() throws Exception {
		String line = "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}";
		String lines = String.join(",", java.util.Collections.nCopies(101, line));
		mvc.perform(post("/api/orders").with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_ORDER.replaceFirst("\\[\\{.*?\\}\\]", "[" + lines + "]")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines"));
	}

	@Test
	void unknownJsonFieldsAreRejected() throws Exception {
		mvc.perform(post("/api/orders").with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_ORDER.replace("\"currency\"", "\"customerId\":\"bob\",\"currency\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customerId"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
		then(commands).should(never()).sendAndWait(any());
	}

	@Test
	void changingTheAddressPassesIfMatchAsTheExpectedVersion() throws Exception {
		given(commands.sendAndWait(any(ChangeShippingAddress.class))).willReturn(4L);

		mvc.perform(put("/api/orders/{id}/shipping-address", ORDER_ID).with(httpBasic("alice", "alice"))
			.header("If-Match", "\"3\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(NEW_ADDRESS))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"4\""))
			.andExpect(jsonPath("$.version").value(4));

		ArgumentCaptor<ChangeShippingAddress> sent = ArgumentCaptor.forClass(ChangeShippingAddress.class);
		then(commands).should().sendAndWait(sent.capture());
		assertThat(sent.getValue().expectedVersion()).isEqualTo(3L);
		assertThat(sent.getValue().requestedBy().name()).isEqualTo("alice");
	}

	@Test
	void aStaleIfMatchIs412WithTheCurrentVersion() throws Exception {
		given(commands.sendAndWait(any(CancelOrder.class))).willThrow(new OrderVersionMismatch(ORDER_ID, 1, 2));

		mvc.perform(
				post("/api/orders/{id}/cancel", ORDER_ID).with(httpBasic("alice", "alice")).header("If-Match", "\"1\""))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("VERSION_MISMATCH"));
	}

	@Test
	void aMalformedIfMatchIs400AndSendsNothing() throws Exception {
		mvc.perform(post("/api/orders/{id}/cancel", ORDER_ID).with(httpBasic("alice", "alice"))
			.header("If-Match", "W/\"1\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://orders.acme.example/problems/malformed-if-match"));
		then(commands).should(never()).sendAndWait(any());
	}

	@Test
	void cancellingAShippedOrderIs409() throws Exception {
		given(commands.sendAndWait(any(CancelOrder.class))).willThrow(new OrderAlreadyShipped(ORDER_ID));

		mvc.perform(post("/api/orders/{id}/cancel", ORDER_ID).with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"too late\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://orders.acme.example/problems/order-already-shipped"));
	}

	@Test
	void cancellingAnswers202WithTheNewVersionAndTheReason() throws Exception {
		given(commands.sendAndWait(any(CancelOrder.class))).willReturn(2L);

		mvc.perform(post("/api/orders/{id}/cancel", ORDER_ID).with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"changed my mind\"}"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("ETag", "\"2\""));

		ArgumentCaptor<CancelOrder> sent = ArgumentCaptor.forClass(CancelOrder.class);
		then(commands).should().sendAndWait(sent.capture());
		assertThat(sent.getValue().comment()).isEqualTo("changed my mind");
	}

	@Test
	void anotherCustomersOrAMissingOrderIs404() throws Exception {
		given(commands.sendAndWait(any(CancelOrder.class))).willThrow(new OrderNotFound(ORDER_ID));
		mvc.perform(post("/api/orders/{id}/cancel", ORDER_ID).with(httpBasic("bob", "bob")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));

		given(commands.sendAndWait(any(CancelOrder.class)))
			.willThrow(new AggregateNotFoundException(ORDER_ID.toString(), "no events"));
		mvc.perform(post("/api/orders/{id}/cancel", ORDER_ID).with(httpBasic("bob", "bob")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no such order."));
	}

	@Test
	void withoutCredentialsItIs401ProblemJson() throws Exception {
		mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(VALID_ORDER))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/orders").with(httpBasic("alice", "wrong"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_ORDER)).andExpect(status().isUnauthorized());
		then(commands).should(never()).sendAndWait(any());
	}

}

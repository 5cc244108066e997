package com.acme.orders.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input over HTTP: each kind gets its own clear 4xx problem naming what is wrong,
 * never a stack trace, SQL or class name, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.rate-limit.commands-per-second=100000", "orders.rate-limit.burst=100000" })
@PostgresTest
class BadInputIT {

	private static final String LINE = "{\"sku\":\"BOOK-1\",\"quantity\":%s,\"unitPrice\":%s}";

	private static final String ADDRESS = """
			{"name":%s,"street":"1 Main St","city":"London","postalCode":"N1 9GU","country":"GB"}""";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient database;

	private long eventsBefore;

	@BeforeEach
	void countEvents() {
		eventsBefore = events();
	}

	@AfterEach
	void nothingWasStored() {
		assertThat(events()).as("events after rejected requests").isEqualTo(eventsBefore);
	}

	@Test
	void wrongTypesAndShapesNameTheField() throws Exception {
		assertInvalid(order("\"EUR\"", line("2.5", "\"9.99\""), address("\"Ada\"")), "lines[0].quantity");
		assertInvalid(order("\"EUR\"", line("\"2\"", "\"9.99\""), address("\"Ada\"")), "lines[0].quantity");
		assertInvalid(order("\"EUR\"", line("null", "\"9.99\""), address("\"Ada\"")), "lines[0].quantity");
		assertInvalid(order("\"EUR\"", line("2", "1e1"), address("\"Ada\"")), "lines[0].unitPrice");
		assertInvalid(order("\"EUR\"", line("2", "\"1E+1\""), address("\"Ada\"")), "lines[0].unitPrice");
		assertInvalid(order("\"EUR\"", line("2", "\"9.99\""), address("\"" + "x".repeat(201) + "\"")),
				"shippingAddress.name");
		assertInvalid(order("[[[[[[[[[[[[[[[[[[[[[[[[[\"EUR\"]]]]]]]]]]]]]]]]]]]]]]]]]", line("2", "\"9.99\""),
				address("\"Ada\"")), "currency");
		assertInvalid("{\"currency\":\"EUR\",\"currency\":\"USD\",\"lines\":[" + line("2", "\"9.99\"")
				+ "],\"shippingAddress\":" + address("\"Ada\"") + "}", "currency");
		assertInvalid(
				order("\"EUR\"", line("2", "\"9.99\""),
						address("\"Ada\"").replace("\"country\":\"GB\"", "\"country\":\"GB\",\"admin\":true")),
				"shippingAddress.admin");
	}

	@Test
	void controlCharactersAndBrokenUnicodeAreRefused() throws Exception {
		assertInvalid(order("\"EUR\"", line("2", "\"9.99\""), address("\"Ada\\u0000\"")), "shippingAddress.name");
		assertInvalid(order("\"EUR\"", line("2", "\"9.99\""), address("\"Ada\\ud800\"")), "shippingAddress.name");
	}

	@Test
	void theRequestItselfIsWrong() throws Exception {
		String valid = order("\"EUR\"", line("2", "\"9.99\""), address("\"Ada\""));
		assertProblem(send("POST", "/api/orders", valid + " ".repeat(70_000), "Content-Type", "application/json"), 413);
		assertProblem(new HttpApi(port).postChunked("alice", "/api/orders", valid + " ".repeat(70_000)), 413);
		assertProblem(send("POST", "/api/orders", valid, "Content-Type", "text/plain"), 415);
		assertProblem(
				send("POST", "/api/orders", valid, "Content-Type", "application/json", "Accept", "application/xml"),
				406);
		HttpResponse<String> wrongMethod = send("DELETE", "/api/orders", null);
		assertProblem(wrongMethod, 405);
		assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("GET", "POST");
		assertProblem(send("GET", "/api/orders/not-an-id", null), 400);
		assertProblem(send("GET", "/api/orders?size=101", null), 400);
		assertProblem(send("GET", "/api/orders?page=-1", null), 400);
		assertProblem(send("GET", "/api/orders?sort=secret,asc", null), 400);
	}

	private void assertInvalid(String body, String field) throws Exception {
		HttpResponse<String> response = send("POST", "/api/orders", body, "Content-Type", "application/json");
		assertProblem(response, 400);
		assertThat(response.body()).as(body).contains("\"field\":\"" + field + "\"");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception", "java.", "org.", "SQL", "\tat ");
	}

	private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		return new HttpApi(port).sendRaw("alice", method, path, body, headers);
	}

	private long events() {
		return database.sql("select count(*) from domain_event_entry").query(Long.class).single();
	}

	private static String order(String currency, String line, String address) {
		return "{\"currency\":" + currency + ",\"lines\":[" + line + "],\"shippingAddress\":" + address + "}";
	}

	private static String line(String quantity, String unitPrice) {
		return LINE.formatted(quantity, unitPrice);
	}

	private static String address(String name) {
		return ADDRESS.formatted(name);
	}

}

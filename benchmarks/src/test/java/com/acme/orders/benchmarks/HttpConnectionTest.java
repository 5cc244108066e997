package com.acme.orders.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the JDK's own HTTP server: what the load generator sends and reads back, over
 * one connection as long as the server keeps it.
 */
class HttpConnectionTest {

	private HttpServer server;

	private URI base;

	/** The remote ports requests came from: one per connection. */
	private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/echo",
				exchange -> answer(exchange, 201, false,
						exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
								+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		server.createContext("/chunked", exchange -> answer(exchange, 200, true, "x".repeat(40_000)));
		server.createContext("/last", exchange -> {
			exchange.getResponseHeaders().add("Connection", "close");
			answer(exchange, 200, false, "bye");
		});
		server.start();
		base = URI.create("http://localhost:" + server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void requestsGoOutWithTheirHeadersAndBodyAndShareOneConnection() throws Exception {
		try (HttpConnection http = new HttpConnection(base)) {
			HttpConnection.Request request = HttpConnection.Request.of(base, "POST", "/echo", "t0k3n", "{\"a\":\"é\"}");
			for (int i = 0; i < 3; i++) {
				HttpConnection.Response response = http.send(request).expect(201);
				assertThat(response.body()).isEqualTo("POST Bearer t0k3n {\"a\":\"é\"}");
				assertThat(response.header("Location")).isEqualTo("/echo/1");
			}
		}
		assertThat(connections).hasSize(1);
	}

	@Test
	void aChunkedAnswerIsReadWhole() throws Exception {
		try (HttpConnection http = new HttpConnection(base)) {
			HttpConnection.Request request = HttpConnection.Request.of(base, "GET", "/chunked", "t", null);

			assertThat(http.send(request).body()).hasSize(40_000);
			assertThat(http.send(request).body()).hasSize(40_000);
		}
		assertThat(connections).hasSize(1);
	}

	@Test
	void whenTheServerClosesTheNextRequestGoesOnANewConnection() throws Exception {
		try (HttpConnection http = new HttpConnection(base)) {
			http.send(HttpConnection.Request.of(base, "GET", "/last", "t", null)).expect(200);
			http.send(HttpConnection.Request.of(base, "GET", "/last", "t", null)).expect(200);
		}
		assertThat(connections).hasSize(2);
	}

	@Test
	void anUnexpectedStatusFailsWithTheBody() throws Exception {
		try (HttpConnection http = new HttpConnection(base)) {
			HttpConnection.Response response = http.send(HttpConnection.Request.of(base, "GET", "/echo", "t", null));

			assertThatThrownBy(() -> response.expect(200)).hasMessageContaining("got 201: GET Bearer t");
		}
	}

	private void answer(HttpExchange exchange, int status, boolean chunked, String body) throws IOException {
		connections.add(exchange.getRemoteAddress().getPort());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", "/echo/1");
		exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}

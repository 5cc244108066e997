package com.acme.orders.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backend's HTTP API as a client sees it: requests as a demo user (HTTP Basic,
 * password = user name), or with headers of the caller's choosing. Nothing from the
 * application's code.
 */
final class HttpApi {

	/**
	 * One client for every request: each client keeps its own connection pool and
	 * selector thread.
	 */
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String baseUrl;

	HttpApi(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	static HttpApi of(ConfigurableApplicationContext app) {
		return new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	/**
	 * @param user a demo user, or null to send no credentials
	 * @param body JSON, or null for none
	 * @param headers further header names and values, alternating
	 */
	HttpResponse<String> send(String user, String method, String path, String body, String... headers)
			throws IOException, InterruptedException {
		if (body == null) {
			return sendRaw(user, method, path, null, headers);
		}
		String[] withJson = new String[headers.length + 2];
		withJson[0] = "Content-Type";
		withJson[1] = "application/json";
		System.arraycopy(headers, 0, withJson, 2, headers.length);
		return sendRaw(user, method, path, body, withJson);
	}

	/** Posts JSON as a chunked stream, without declaring its length. */
	HttpResponse<String> postChunked(String user, String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.header("Content-Type", "application/json")
			.header("Authorization", basic(user))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Sends exactly the headers given, and no content type unless one of them is. */
	HttpResponse<String> sendRaw(String user, String method, String path, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}

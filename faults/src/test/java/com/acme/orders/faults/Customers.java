package com.acme.orders.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers placing orders over HTTP the way a careful client does: every command with an
 * {@code Idempotency-Key}, retried with the same key after a timeout, a refused
 * connection, a 409 "in flight" or a 5xx, until it is answered. One in ten orders is
 * declined (too expensive), one in ten is cancelled straight after it is placed.
 */
final class Customers {

	private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String baseUrl;

	private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

	final AtomicInteger accepted = new AtomicInteger();

	Customers(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Places {@code orders} orders from {@code clients} clients at once; each is accepted
	 * in the end.
	 */
	List<UUID> placeOrders(int orders, int clients) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<UUID>> placed = new ArrayList<>();
		for (int i = 0; i < orders; i++) {
			int number = i;
			placed.add(pool.submit(() -> placeAndMaybeCancel(number)));
		}
		List<UUID> orderIds = new ArrayList<>();
		for (Future<UUID> order : placed) {
			orderIds.add(order.get());
		}
		pool.shutdown();
		return orderIds;
	}

	/** {@link #placeOrders} on another thread. */
	CompletableFuture<List<UUID>> placeOrdersInTheBackground(int orders, int clients) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return placeOrders(orders, clients);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** Waits until at least {@code orders} orders have been accepted. */
	void awaitAccepted(int orders) throws InterruptedException {
		while (accepted.get() < orders) {
			Thread.sleep(50);
		}
	}

	/** How often each answer came, by status ({@code IO} for no answer at all). */
	Map<String, Integer> answers() {
		Map<String, Integer> counts = new TreeMap<>();
		answers.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}

	UUID place(String amount) throws Exception {
		String body = """
				{"currency":"EUR","lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":"%s"}],
				 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Town","postalCode":"N1","country":"GB"}}
				""".formatted(amount);
		HttpResponse<String> placed = untilAnswered("POST", "/api/orders", body, 201);
		Matcher orderId = ORDER_ID.matcher(placed.body());
		if (!orderId.find()) {
			throw new IllegalStateException("No order id in " + placed.body());
		}
		accepted.incrementAndGet();
		return UUID.fromString(orderId.group(1));
	}

	private UUID placeAndMaybeCancel(int number) throws Exception {
		UUID orderId = place((number % 10 == 0) ? "6000.00" : "20.00");
		if (number % 10 == 1) {
			untilAnswered("POST", "/api/orders/" + orderId + "/cancel", "{}", 202, 409);
		}
		return orderId;
	}

	/**
	 * Sends with one key until one of {@code expected} comes back; 409 only counts once
	 * it is not the "in flight" one.
	 */
	private HttpResponse<String> untilAnswered(String method, String path, String body, int... expected)
			throws InterruptedException {
		String key = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = http.send(request(method, path, body, key),
						HttpResponse.BodyHandlers.ofString());
				count(Integer.toString(response.statusCode()));
				boolean inFlight = response.statusCode() == 409
						&& response.body().contains("idempotency-key-in-flight");
				for (int status : expected) {
					if (response.statusCode() == status && !inFlight) {
						return response;
					}
				}
				if (response.statusCode() < 500 && response.statusCode() != 409) {
					throw new IllegalStateException(
							method + " " + path + " answered " + response.statusCode() + ": " + response.body());
				}
			}
			catch (IOException ex) {
				count("IO");
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(method + " " + path + " was not answered in " + GIVE_UP_AFTER);
	}

	private HttpRequest request(String method, String path, String body, String key) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	private void count(String answer) {
		answers.computeIfAbsent(answer, key -> new AtomicInteger()).incrementAndGet();
	}

}

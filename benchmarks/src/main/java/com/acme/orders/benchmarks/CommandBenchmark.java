package com.acme.orders.benchmarks;

import static com.acme.orders.benchmarks.OrderRequests.HTTP;
import static com.acme.orders.benchmarks.OrderRequests.expect;
import static com.acme.orders.benchmarks.OrderRequests.place;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commands over HTTP against the ceiling of the PostgreSQL they run on, measured in the
 * same run (a fresh durable embedded PostgreSQL 17, or the server given by
 * {@code -Dbenchmark.postgres.url}; see {@link BenchmarkDatabases}): first plain JDBC on
 * a database of its own with the same tables, then the app from {@code order-app.jar},
 * extracted as for production, as its own process with JWT bearer tokens and the rate
 * limit out of the way. Prints one table; start-up is also timed from the fat jar.
 * <p>
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl benchmarks spring-boot:run
 * -Dbenchmark=CommandBenchmark} (argument: seconds per step, default 15).
 */
public final class CommandBenchmark {

	/**
	 * Long, and paced: the JIT compiles this app's hot paths over minutes, not seconds
	 * (by hand, a refused POST cost 1.5 ms of the app's CPU after one minute of load and
	 * 0.5 ms after five), and at a rate the sagas keep up with, so that it leaves no
	 * backlog.
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(150);

	private static final double WARM_UP_ORDERS_PER_SECOND = 40;

	private CommandBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration step = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 15);
		Path jar = Path.of(System.getProperty("orders.app.jar", "../order-app/target/order-app.jar"));
		Path data = Files.createTempDirectory("orders-command-benchmark");
		List<Figure> rows = new ArrayList<>();
		CpuTime cpu = new CpuTime();
		try (BenchmarkDatabases postgres = BenchmarkDatabases.open(data.resolve("postgres"))) {
			PostgresCeiling ceiling = new PostgresCeiling(postgres.create("ceiling"));
			Load.Result append1 = cpu.measure("ceiling: append, 1 client", null,
					() -> ceiling.singleEventAppends(1, step));
			Load.Result append16 = cpu.measure("ceiling: append, 16 clients", null,
					() -> ceiling.singleEventAppends(16, step));
			Load.Result append64 = cpu.measure("ceiling: append, 64 clients", null,
					() -> ceiling.singleEventAppends(64, step));
			Load.Result readAppend16 = cpu.measure("ceiling: read 5, append, 16 clients", null,
					() -> ceiling.readFiveThenAppend(16, step));

			Tokens tokens = new Tokens();
			List<String> settings = new ArrayList<>(tokens.appSettings(data));
			BenchmarkDatabases.Database appDatabase = postgres.create("app");
			settings.addAll(List.of("orders.rate-limit.commands-per-second=1000000", "orders.rate-limit.burst=1000000",
					"orders.payment.simulator.unresponsive-for-amount=" + OrderRequests.UNPAID_AMOUNT,
					"orders.payment.timeout=1h", "orders.payment.gateway.call-timeout=1h",
					"orders.payment.simulator.latency=0ms", "orders.shipping.simulator.dispatch-after=0ms",
					"orders.shipping.simulator.deliver-after=0ms"));
			// Extracting reads the whole jar first, so neither start finds it cold on
			// disk.
			Path extracted = AppUnderLoad.extract(jar, data.resolve("app-extracted"));
			Duration fatJarStartUp = startUp(jar, data.resolve("app-fat-jar"), postgres, settings, tokens);
			settings.addAll(appDatabase.springSettings());
			try (AppUnderLoad app = AppUnderLoad.start(extracted, data.resolve("app"), settings)) {
				Duration startUp = app.awaitFirstCreated(place(app, tokens.customer("warm-up")));
				// Reads with minVersion included: with placing alone, figure 3's first
				// second held its p99. Half the orders go on to delivery, so that the
				// sagas' paths are compiled too.
				Load.run(16, WARM_UP,
						client -> placingThenReading(app, tokens, "warm-up-" + client,
								(client % 2 == 0) ? OrderRequests.DELIVERED_ORDER : OrderRequests.UNPAID_ORDER,
								16 / WARM_UP_ORDERS_PER_SECOND, new ConcurrentLinkedQueue<>()));
				settle(appDatabase, "the warm-up");
				Load.Result place1 = cpu.measure("1. POST, 1 client", app,
						() -> Load.run(1, step, client -> placing(app, tokens, "one-" + client)));
				settle(appDatabase, "1 client");
				Load.Result place16 = cpu.measure("1. POST, 16 clients", app,
						() -> Load.run(16, step, client -> placing(app, tokens, "sixteen-" + client)));
				long residentBytes = app.residentBytes();
				settle(appDatabase, "16 clients");
				Load.Result place64 = cpu.measure("1. POST, 64 clients", app,
						() -> Load.run(64, step, client -> placing(app, tokens, "sixty-four-" + client)));
				settle(appDatabase, "64 clients");
				Load.Result refused16 = cpu.measure("1. refused POST (400), 16 clients", app,
						() -> Load.run(16, step, client -> refusing(app, tokens, "refused-" + client)));
				Load.Result change16 = cpu.measure("2. address change, 16 clients", app,
						() -> Load.run(16, step, client -> changingAddresses(app, tokens, "mover-" + client)));
				settle(appDatabase, "the address changes");

				LifecycleFigure.Outcome lifecycle = cpu.measure("4. placed -> delivered, per order", app,
						() -> new LifecycleFigure(app, tokens, appDatabase).run(16, step),
						LifecycleFigure.Outcome::orders);
				settle(appDatabase, "the lifecycle");
				// The most the app sustains is the rate at which it delivers orders:
				// placed faster, the sagas fall behind without bound.
				double halfSustained = lifecycle.deliveredPerSecond() / 2;
				Visibility sustained = visibility(app, tokens, "reader-", halfSustained, step);
				settle(appDatabase, "figure 3 at half the sustained load");
				double halfPeak = Math.max(place16.perSecond(), place64.perSecond()) / 2;
				Visibility peak = visibility(app, tokens, "peak-reader-", halfPeak, step);
				settle(appDatabase, "figure 3 at half the peak rate");
				LongHistoryFigure.Outcome longHistory = new LongHistoryFigure(app, tokens).run(10_000, 200);
				long peakResidentBytes = app.peakResidentBytes();

				rows.add(Figure.ratio("1. POST /api/orders, 1 client (req/s)", place1, append1, 0.5));
				rows.add(Figure.ratio("1. POST /api/orders, 16 clients (req/s)", place16, append16, 0.5));
				rows.add(Figure.ratio("1. POST /api/orders, 64 clients (req/s)", place64, append64, 0.5));
				rows.add(new Figure("1. refused POST (400), 16 clients (req/s)", refused16.perSecond(),
						append16.perSecond(), "web alone", refused16));
				rows.add(Figure.ratio("2. address change, 16 clients (req/s)", change16, readAppend16, 0.5));
				rows.add(new Figure("3. write -> visible, p99 (ms), %.0f/s".formatted(halfSustained),
						sustained.placingThenReading().percentileMillis(99), null, "<= 50",
						sustained.placingThenReading()));
				rows.add(new Figure("3. of which the read waited, p99 (ms)", sustained.readWaitMillis(99), null,
						"p50 %.1f".formatted(sustained.readWaitMillis(50))));
				rows.add(new Figure("3. the same at half the peak, %.0f/s".formatted(halfPeak),
						peak.placingThenReading().percentileMillis(99), null, "", peak.placingThenReading()));
				rows.add(new Figure("3. of which the read waited, p99 (ms)", peak.readWaitMillis(99), null,
						"p50 %.1f".formatted(peak.readWaitMillis(50))));
				rows.add(new Figure("4. placed -> delivered, 16 clients (orders/s)", lifecycle.deliveredPerSecond(),
						readAppend16.perSecond() / lifecycle.transactionsPerOrder(), ">= 0.5", lifecycle.placing()));
				rows.add(new Figure("4. command transactions per order", lifecycle.transactionsPerOrder(), null, ""));
				rows.add(new Figure("6. change on 10,000 events, p50 (ms)", longHistory.longHistoryMedianMillis(), null,
						"<= 2x fresh"));
				rows.add(new Figure("6. same change on a fresh order, p50 (ms)", longHistory.freshMedianMillis(), null,
						"ratio %.2f".formatted(longHistory.ratio())));
				rows.add(new Figure("7. resident memory at 16 clients (MiB)", residentBytes / (1024.0 * 1024.0), null,
						"<= 512"));
				rows.add(new Figure("7. the most over the whole run (MiB)", peakResidentBytes / (1024.0 * 1024.0), null,
						""));
				rows.add(new Figure("7. start-up to the first 201, extracted (s)", startUp.toMillis() / 1000.0, null,
						"<= 10"));
				rows.add(new Figure("7. the same from the fat jar (s)", fatJarStartUp.toMillis() / 1000.0, null, ""));
				HtmlReport.publish("Command benchmark", postgres, rows, cpu.steps());
				rows.stream()
					.filter(row -> row.result() != null && row.result().firstError() != null)
					.forEach(row -> System.out
						.println("First error of " + row.figure() + ": " + row.result().firstError()));
				System.out.println("The app's log (and a profile, if asked for) are in " + data.resolve("app"));
			}
		}
		System.exit(0);
	}

	/**
	 * Starts the app from {@code jar} on a fresh database of its own until its first 201,
	 * then stops it.
	 */
	private static Duration startUp(Path jar, Path directory, BenchmarkDatabases postgres, List<String> settings,
			Tokens tokens) throws Exception {
		List<String> withDatabase = new ArrayList<>(settings);
		withDatabase.addAll(postgres.create(directory.getFileName().toString().replace('-', '_')).springSettings());
		try (AppUnderLoad app = AppUnderLoad.start(jar, directory, withDatabase)) {
			return app.awaitFirstCreated(place(app, tokens.customer("first")));
		}
	}

	private static void settle(BenchmarkDatabases.Database database, String after) throws Exception {
		Duration took = Settled.await(database);
		System.out.printf("Settled after %s in %.1f s%n", after, took.toMillis() / 1000.0);
	}

	/** Figure 3 at {@code perSecond} orders/s, spread over 16 clients. */
	private static Visibility visibility(AppUnderLoad app, Tokens tokens, String customerPrefix, double perSecond,
			Duration step) throws Exception {
		Queue<Long> readWaitMicros = new ConcurrentLinkedQueue<>();
		Load.Result result = Load.run(16, step, client -> placingThenReading(app, tokens, customerPrefix + client,
				OrderRequests.UNPAID_ORDER, 16 / perSecond, readWaitMicros));
		return new Visibility(result, readWaitMicros.stream().mapToLong(Long::longValue).sorted().toArray());
	}

	/** Placing then reading one's own order, and how long the reads alone took. */
	private record Visibility(Load.Result placingThenReading, long[] readWaitMicros) {

		double readWaitMillis(double percentile) {
			return Load.Result.percentileMillis(readWaitMicros, percentile);
		}

	}

	private static Load.Operation placing(AppUnderLoad app, Tokens tokens, String customer) throws Exception {
		HttpRequest request = place(app, tokens.customer(customer)).build();
		return () -> expect(201, HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * Sends an order the app refuses with 400 before it stores anything: authentication,
	 * parsing, validation and the problem+json answer, without the database. The most
	 * {@code POST}s the web stack alone answers.
	 */
	private static Load.Operation refusing(AppUnderLoad app, Tokens tokens, String customer) throws Exception {
		HttpRequest request = place(app, tokens.customer(customer), OrderRequests.INVALID_ORDER).build();
		return () -> expect(400, HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * Places {@code order} and reads it back with {@code minVersion=1}, which waits until
	 * the read model has it: the time a client waits to see its own write. Each client
	 * keeps to one order every {@code intervalSeconds} (untimed), so that together they
	 * run at the rate asked for. How long each read took goes to {@code readWaitMicros}.
	 */
	private static Load.Operation placingThenReading(AppUnderLoad app, Tokens tokens, String customer, String order,
			double intervalSeconds, Queue<Long> readWaitMicros) throws Exception {
		String token = tokens.customer(customer);
		HttpRequest request = place(app, token, order).build();
		long interval = (long) (intervalSeconds * 1e9);
		return new Load.Operation() {

			private long next = System.nanoTime();

			@Override
			public void beforeEach() throws InterruptedException {
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				next = Math.max(next + interval, System.nanoTime());
			}

			@Override
			public void run() throws Exception {
				HttpResponse<String> placed = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				expect(201, placed);
				HttpRequest read = HttpRequest
					.newBuilder(app.uri(placed.headers().firstValue("Location").orElseThrow() + "?minVersion=1"))
					.header("Authorization", "Bearer " + token)
					.build();
				long reading = System.nanoTime();
				expect(200, HTTP.send(read, HttpResponse.BodyHandlers.ofString()));
				readWaitMicros.add((System.nanoTime() - reading) / 1000);
			}

		};
	}

	/**
	 * Each client moves its own 20 unpaid orders back and forth between two addresses.
	 */
	private static Load.Operation changingAddresses(AppUnderLoad app, Tokens tokens, String customer) throws Exception {
		String token = tokens.customer(customer);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orders.add(OrderRequests.placed(app, token, OrderRequests.UNPAID_ORDER));
		}
		int[] turn = { 0 };
		return () -> {
			int next = turn[0]++;
			HttpRequest change = OrderRequests.changeAddress(app, token, orders.get(next % orders.size()),
					next / orders.size());
			expect(200, HTTP.send(change, HttpResponse.BodyHandlers.ofString()));
		};
	}

}

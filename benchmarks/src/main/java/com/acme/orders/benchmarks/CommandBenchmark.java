package com.acme.orders.benchmarks;

import static com.acme.orders.benchmarks.OrderRequests.place;

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
 * a database of its own with the same tables; then, from {@code order-app.jar} extracted
 * as for production, with JWT bearer tokens and the rate limit out of the way, each on a
 * database of its own:
 * <ol>
 * <li>the command service alone, as it is deployed to take commands: what figures 1 and 2
 * divide by the ceiling, which appends and does nothing else;</li>
 * <li>all services in one process, where every order placed also starts the sagas and is
 * projected: the same placing beside it, and figures 3, 4, 6 and 7.</li>
 * </ol>
 * Each is warmed up until its JIT compilers are quiet ({@link WarmUp}). Prints one table;
 * start-up is also timed from the fat jar.
 * <p>
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl benchmarks spring-boot:run
 * -Dbenchmark=CommandBenchmark} (argument: seconds per step, default 15). With
 * {@code -Dbenchmark.apps=command} it measures the command service alone (figures 1 and
 * 2, in about a third of the time), for trying a change to the command side.
 */
public final class CommandBenchmark {

	private static final String COMMAND_SERVICE = "com.acme.orders.command.OrderCommandApplication";

	private CommandBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration step = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 15);
		Path jar = Path.of(System.getProperty("orders.app.jar", "../order-app/target/order-app.jar"));
		Path data = Files.createTempDirectory("orders-command-benchmark");
		CpuTime cpu = new CpuTime();
		try (BenchmarkDatabases postgres = BenchmarkDatabases.open(data.resolve("postgres"))) {
			PostgresCeiling ceiling = new PostgresCeiling(postgres.create("ceiling"));
			Ceilings ceilings = new Ceilings(
					cpu.measure("ceiling: append, 1 client", null, () -> ceiling.singleEventAppends(1, step)),
					cpu.measure("ceiling: append, 16 clients", null, () -> ceiling.singleEventAppends(16, step)),
					cpu.measure("ceiling: append, 64 clients", null, () -> ceiling.singleEventAppends(64, step)),
					cpu.measure("ceiling: read 5, append, 16 clients", null,
							() -> ceiling.readFiveThenAppend(16, step)));
			Tokens tokens = new Tokens();
			List<String> settings = new ArrayList<>(tokens.appSettings(data));
			settings.addAll(List.of("orders.rate-limit.commands-per-second=1000000", "orders.rate-limit.burst=1000000",
					"orders.payment.simulator.unresponsive-for-amount=" + OrderRequests.UNPAID_AMOUNT,
					"orders.payment.timeout=1h", "orders.payment.gateway.call-timeout=1h",
					"orders.payment.simulator.latency=0ms", "orders.shipping.simulator.dispatch-after=0ms",
					"orders.shipping.simulator.deliver-after=0ms"));
			// Extracting reads the whole jar first, so no start finds it cold on disk.
			Path extracted = AppUnderLoad.extract(jar, data.resolve("app-extracted"));
			Run run = new Run(step, cpu, tokens, ceilings);

			List<Figure> rows = new ArrayList<>();
			BenchmarkDatabases.Database commandDatabase = postgres.create("command");
			try (AppUnderLoad service = AppUnderLoad.start(extracted, COMMAND_SERVICE, List.of(),
					data.resolve("command"), withDatabase(settings, commandDatabase))) {
				rows.addAll(commandServiceFigures(run, service, commandDatabase));
			}
			if (!"command".equals(System.getProperty("benchmark.apps"))) {
				rows.addAll(allServicesFigures(run, jar, extracted, postgres, settings, data));
			}
			HtmlReport.publish("Command benchmark", postgres, rows, cpu.steps());
			rows.stream()
				.filter(row -> row.result() != null && row.result().firstError() != null)
				.forEach(
						row -> System.out.println("First error of " + row.figure() + ": " + row.result().firstError()));
			System.out.println("The services' logs (and profiles, if asked for) are in " + data);
		}
		System.exit(0);
	}

	/** What PostgreSQL does with plain JDBC, measured first. */
	private record Ceilings(Load.Result append1, Load.Result append16, Load.Result append64, Load.Result readAppend16) {
	}

	/** What every step of the run shares. */
	private record Run(Duration step, CpuTime cpu, Tokens tokens, Ceilings ceilings) {
	}

	/** Figures 1 and 2, on the command service alone, warmed up first. */
	private static List<Figure> commandServiceFigures(Run run, AppUnderLoad service,
			BenchmarkDatabases.Database database) throws Exception {
		Tokens tokens = run.tokens();
		Duration step = run.step();
		CpuTime cpu = run.cpu();
		service.awaitFirstCreated(place(service, tokens.customer("warm-up")));
		WarmUp.untilCompiled(service, database, client -> commandMix(service, tokens, "warm-up-" + client, client));
		Load.Result place1 = cpu.measure("1. POST, 1 client", service,
				() -> Load.run(1, step, client -> placing(service, tokens, "one-" + client)));
		Load.Result place16 = cpu.measure("1. POST, 16 clients", service,
				() -> Load.run(16, step, client -> placing(service, tokens, "sixteen-" + client)));
		Load.Result place64 = cpu.measure("1. POST, 64 clients", service,
				() -> Load.run(64, step, client -> placing(service, tokens, "sixty-four-" + client)));
		Load.Result refused16 = cpu.measure("1. refused POST (400), 16 clients", service,
				() -> Load.run(16, step, client -> refusing(service, tokens, "refused-" + client)));
		Load.Result change16 = cpu.measure("2. address change, 16 clients", service,
				() -> Load.run(16, step, client -> changingAddresses(service, tokens, "mover-" + client)));
		Ceilings ceilings = run.ceilings();
		return List.of(Figure.ratio("1. POST /api/orders, 1 client (req/s)", place1, ceilings.append1(), 0.5),
				Figure.ratio("1. POST /api/orders, 16 clients (req/s)", place16, ceilings.append16(), 0.5),
				Figure.ratio("1. POST /api/orders, 64 clients (req/s)", place64, ceilings.append64(), 0.5),
				new Figure("1. refused POST (400), 16 clients (req/s)", refused16.perSecond(),
						ceilings.append16().perSecond(), "web alone", refused16),
				Figure.ratio("2. address change, 16 clients (req/s)", change16, ceilings.readAppend16(), 0.5));
	}

	/**
	 * Figures 3, 4, 6 and 7, on all services in one process started with Class Data
	 * Sharing, warmed up first; then its start-up without the archive and from the fat
	 * jar.
	 */
	private static List<Figure> allServicesFigures(Run run, Path jar, Path extracted, BenchmarkDatabases postgres,
			List<String> settings, Path data) throws Exception {
		Duration fatJarStartUp = startUp(jar, List.of(), data.resolve("app-fat-jar"), postgres, settings, run.tokens());
		Duration plainStartUp = startUp(extracted, List.of(), data.resolve("app-plain"), postgres, settings,
				run.tokens());
		List<String> classDataSharing = AppUnderLoad.trainClassDataSharing(extracted, data.resolve("app-training"),
				withDatabase(settings, postgres.create("app_training")));
		BenchmarkDatabases.Database database = postgres.create("app");
		List<Figure> rows = new ArrayList<>();
		try (AppUnderLoad app = AppUnderLoad.start(extracted, null, classDataSharing, data.resolve("app"),
				withDatabase(settings, database))) {
			rows.addAll(warmAllServicesFigures(run, app, database));
		}
		rows.add(new Figure("7. the same without CDS (s)", plainStartUp.toMillis() / 1000.0, null, ""));
		rows.add(new Figure("7. the same from the fat jar (s)", fatJarStartUp.toMillis() / 1000.0, null, ""));
		return rows;
	}

	private static List<Figure> warmAllServicesFigures(Run run, AppUnderLoad app, BenchmarkDatabases.Database database)
			throws Exception {
		Tokens tokens = run.tokens();
		Duration step = run.step();
		CpuTime cpu = run.cpu();
		Duration startUp = app.awaitFirstCreated(place(app, tokens.customer("warm-up")));
		WarmUp.untilCompiled(app, database, client -> appMix(app, tokens, "warm-up-" + client, client));
		Load.Result whole16 = cpu.measure("1. POST, 16 clients, all services", app,
				() -> Load.run(16, step, client -> placing(app, tokens, "all-sixteen-" + client)));
		long residentBytes = app.residentBytes();
		settle(database, "16 clients");
		LifecycleFigure.Outcome lifecycle = cpu.measure("4. placed -> delivered, per order", app,
				() -> new LifecycleFigure(app, tokens, database).run(16, step), LifecycleFigure.Outcome::orders);
		settle(database, "the lifecycle");
		// The most the app sustains is the rate at which it delivers orders: placed
		// faster, the sagas fall behind without bound.
		double halfSustained = lifecycle.deliveredPerSecond() / 2;
		Visibility sustained = visibility(app, tokens, "reader-", halfSustained, step);
		settle(database, "figure 3 at half the sustained load");
		double halfPeak = whole16.perSecond() / 2;
		Visibility peak = visibility(app, tokens, "peak-reader-", halfPeak, step);
		settle(database, "figure 3 at half the peak rate");
		LongHistoryFigure.Outcome longHistory = new LongHistoryFigure(app, tokens).run(10_000, 200);
		long peakResidentBytes = app.peakResidentBytes();
		Ceilings ceilings = run.ceilings();
		return List.of(
				new Figure("1. POST, 16 clients, all in one (req/s)", whole16.perSecond(),
						ceilings.append16().perSecond(), "", whole16),
				new Figure("3. write -> visible, p99 (ms), %.0f/s".formatted(halfSustained),
						sustained.placingThenReading().percentileMillis(99), null, "<= 50",
						sustained.placingThenReading()),
				new Figure("3. of which the read waited, p99 (ms)", sustained.readWaitMillis(99), null,
						"p50 %.1f".formatted(sustained.readWaitMillis(50))),
				new Figure("3. the same at half the peak, %.0f/s".formatted(halfPeak),
						peak.placingThenReading().percentileMillis(99), null, "", peak.placingThenReading()),
				new Figure("3. of which the read waited, p99 (ms)", peak.readWaitMillis(99), null,
						"p50 %.1f".formatted(peak.readWaitMillis(50))),
				new Figure("4. placed -> delivered, 16 clients (orders/s)", lifecycle.deliveredPerSecond(),
						ceilings.readAppend16().perSecond() / lifecycle.transactionsPerOrder(), ">= 0.5",
						lifecycle.placing()),
				new Figure("4. command transactions per order", lifecycle.transactionsPerOrder(), null, ""),
				new Figure("6. change on 10,000 events, p50 (ms)", longHistory.longHistoryMedianMillis(), null,
						"<= 2x fresh"),
				new Figure("6. same change on a fresh order, p50 (ms)", longHistory.freshMedianMillis(), null,
						"ratio %.2f".formatted(longHistory.ratio())),
				new Figure("7. resident memory at 16 clients (MiB)", residentBytes / (1024.0 * 1024.0), null, "<= 512"),
				new Figure("7. the most over the whole run (MiB)", peakResidentBytes / (1024.0 * 1024.0), null, ""),
				new Figure("7. start-up to the first 201, CDS (s)", startUp.toMillis() / 1000.0, null, "<= 10"));
	}

	private static List<String> withDatabase(List<String> settings, BenchmarkDatabases.Database database) {
		List<String> withDatabase = new ArrayList<>(settings);
		withDatabase.addAll(database.springSettings());
		return withDatabase;
	}

	/**
	 * What warms the command service: placing, refused orders and address changes, each
	 * from a quarter of the clients.
	 */
	private static Load.Operation commandMix(AppUnderLoad service, Tokens tokens, String customer, int client)
			throws Exception {
		return switch (client % 4) {
			case 0 -> refusing(service, tokens, customer);
			case 1 -> changingAddresses(service, tokens, customer);
			default -> placing(service, tokens, customer);
		};
	}

	/**
	 * What warms all services in one: placing and reading back, orders carried through to
	 * delivery, address changes and refused orders.
	 */
	private static Load.Operation appMix(AppUnderLoad app, Tokens tokens, String customer, int client)
			throws Exception {
		return switch (client % 4) {
			case 0 -> placingThenReading(app, tokens, customer, OrderRequests.UNPAID_ORDER, 0, 0,
					new ConcurrentLinkedQueue<>());
			case 1 -> placingThenReading(app, tokens, customer, OrderRequests.DELIVERED_ORDER, 0, 0,
					new ConcurrentLinkedQueue<>());
			case 2 -> changingAddresses(app, tokens, customer);
			default -> refusing(app, tokens, customer);
		};
	}

	/**
	 * Starts the app from {@code jar} on a fresh database of its own until its first 201,
	 * then stops it.
	 */
	private static Duration startUp(Path jar, List<String> jvmOptions, Path directory, BenchmarkDatabases postgres,
			List<String> settings, Tokens tokens) throws Exception {
		BenchmarkDatabases.Database database = postgres.create(directory.getFileName().toString().replace('-', '_'));
		try (AppUnderLoad app = AppUnderLoad.start(jar, null, jvmOptions, directory,
				withDatabase(settings, database))) {
			return app.awaitFirstCreated(place(app, tokens.customer("first")));
		}
	}

	private static void settle(BenchmarkDatabases.Database database, String after) throws Exception {
		Duration took = Settled.await(database);
		System.out.printf("Settled after %s in %.1f s%n", after, took.toMillis() / 1000.0);
	}

	/**
	 * Figure 3 at {@code perSecond} orders/s, spread over 16 clients whose turns are
	 * spread evenly over the interval: started together, they had sent their orders in
	 * bursts of 16, and the figure measured how long a burst took.
	 */
	private static Visibility visibility(AppUnderLoad app, Tokens tokens, String customerPrefix, double perSecond,
			Duration step) throws Exception {
		Queue<Long> readWaitMicros = new ConcurrentLinkedQueue<>();
		double interval = 16 / perSecond;
		Load.Result result = Load.run(16, step, client -> placingThenReading(app, tokens, customerPrefix + client,
				OrderRequests.UNPAID_ORDER, interval, interval * client / 16, readWaitMicros));
		return new Visibility(result, readWaitMicros.stream().mapToLong(Long::longValue).sorted().toArray());
	}

	/** Placing then reading one's own order, and how long the reads alone took. */
	private record Visibility(Load.Result placingThenReading, long[] readWaitMicros) {

		double readWaitMillis(double percentile) {
			return Load.Result.percentileMillis(readWaitMicros, percentile);
		}

	}

	private static Load.Operation placing(AppUnderLoad app, Tokens tokens, String customer) throws Exception {
		HttpConnection http = app.connect();
		HttpConnection.Request request = place(app, tokens.customer(customer));
		return () -> http.send(request).expect(201);
	}

	/**
	 * Sends an order the app refuses with 400 before it stores anything: authentication,
	 * parsing, validation and the problem+json answer, without the database. The most
	 * {@code POST}s the web stack alone answers.
	 */
	private static Load.Operation refusing(AppUnderLoad app, Tokens tokens, String customer) throws Exception {
		HttpConnection http = app.connect();
		HttpConnection.Request request = place(app, tokens.customer(customer), OrderRequests.INVALID_ORDER);
		return () -> http.send(request).expect(400);
	}

	/**
	 * Places {@code order} and reads it back with {@code minVersion=1}, which waits until
	 * the read model has it: the time a client waits to see its own write. Each client
	 * keeps to one order every {@code intervalSeconds} (untimed), the first
	 * {@code firstAfterSeconds} after the start, so that together they run at the rate
	 * asked for. How long each read took goes to {@code readWaitMicros}.
	 */
	private static Load.Operation placingThenReading(AppUnderLoad app, Tokens tokens, String customer, String order,
			double intervalSeconds, double firstAfterSeconds, Queue<Long> readWaitMicros) throws Exception {
		String token = tokens.customer(customer);
		HttpConnection http = app.connect();
		HttpConnection.Request request = place(app, token, order);
		long interval = (long) (intervalSeconds * 1e9);
		return new Load.Operation() {

			private long next = -1;

			@Override
			public void beforeEach() throws InterruptedException {
				if (next == -1) {
					next = System.nanoTime() + (long) (firstAfterSeconds * 1e9);
				}
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				next = Math.max(next + interval, System.nanoTime());
			}

			@Override
			public void run() throws Exception {
				String location = http.send(request).expect(201).header("Location");
				HttpConnection.Request read = OrderRequests.read(app, token, location + "?minVersion=1");
				long reading = System.nanoTime();
				http.send(read).expect(200);
				readWaitMicros.add((System.nanoTime() - reading) / 1000);
			}

		};
	}

	/**
	 * Each client moves its own 20 unpaid orders back and forth between two addresses.
	 */
	private static Load.Operation changingAddresses(AppUnderLoad app, Tokens tokens, String customer) throws Exception {
		String token = tokens.customer(customer);
		HttpConnection http = app.connect();
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orders.add(OrderRequests.placed(http, app, token, OrderRequests.UNPAID_ORDER));
		}
		int[] turn = { 0 };
		return () -> {
			int next = turn[0]++;
			http.send(OrderRequests.changeAddress(app, token, orders.get(next % orders.size()), next / orders.size()))
				.expect(200);
		};
	}

}

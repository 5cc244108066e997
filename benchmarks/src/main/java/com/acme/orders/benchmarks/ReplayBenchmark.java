package com.acme.orders.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.acme.orders.platform.projection.ProjectionReplays;
import com.acme.orders.platform.projection.ProjectionStatus;
import com.acme.orders.platform.projection.Replay;
import com.acme.orders.platform.projection.ReplayProgress;
import com.acme.orders.query.OrderQueryApplication;
import org.flywaydb.core.Flyway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the order read model is rebuilt from a large event store. Seeds a fresh
 * database (on a new durable embedded PostgreSQL, or on the server given by
 * {@code -Dbenchmark.postgres.url}; see {@link BenchmarkDatabases}) with the histories of
 * delivered orders, starts the query service, which builds its active slot from the empty
 * start, then replays into the other slot through the same code the admin API uses, and
 * prints both figures. The ceiling is measured before the app starts and again after it
 * has stopped; the figure is divided by the mean of the two.
 * <p>
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl benchmarks spring-boot:run
 * -Dspring-boot.run.arguments=1000000}
 */
public final class ReplayBenchmark {

	private static final String PROJECTION = "order-summary";

	/** orders.projections.order-summary.segments, so the ceiling runs as parallel. */
	private static final int SEGMENTS_OF_THE_PROJECTION = 2;

	private ReplayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		Path data = Files.createTempDirectory("orders-replay-benchmark");
		try (BenchmarkDatabases postgres = BenchmarkDatabases.open(data)) {
			BenchmarkDatabases.Database database = postgres.create("replay");
			Flyway.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();
			long seedStart = System.nanoTime();
			long seeded;
			try (Connection connection = database.connect()) {
				seeded = new OrderHistorySeeder().seed(connection, events / OrderHistorySeeder.EVENTS_PER_ORDER);
			}
			Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
			report("seeded with COPY", seeded, seeding);
			// The machine's speed drifts within minutes: the ceiling is measured on both
			// sides of the replay, and the figure divides by their mean.
			PostgresCeiling ceiling = new PostgresCeiling(database);
			CpuTime cpu = new CpuTime();
			double ceilingBefore = measure(cpu, ceiling, "PostgreSQL: pages + batched upserts", seeded);
			ReplayProgress done = buildAndReplay(database, seeded, cpu);
			double ceilingAfter = measure(cpu, ceiling, "PostgreSQL again, after the replay", seeded);
			List<Figure> figures = List.of(new Figure("5. replay of the order projections (events/s)",
					done.eventsPerSecond().doubleValue(), (ceilingBefore + ceilingAfter) / 2, ">= 0.5"));
			HtmlReport.publish("Replay benchmark", postgres, figures, cpu.steps());
		}
		finally {
			deleteRecursively(data);
		}
		// Pools of the embedded server and of Axon may outlive the context by a while;
		// the figures are printed.
		System.exit(0);
	}

	/** The ceiling's CPU per row: PostgreSQL's, and its JDBC client's in this JVM. */
	private static double measure(CpuTime cpu, PostgresCeiling ceiling, String label, long events) throws Exception {
		double rowsPerSecond = cpu.measure(label + ", per row", null,
				() -> ceiling.scanAndUpsert(SEGMENTS_OF_THE_PROJECTION), perSecond -> events);
		System.out.printf("%-34s %,12d events  %19.1f rows/s%n", label, events, rowsPerSecond);
		return rowsPerSecond;
	}

	/**
	 * Starts the query service, which builds its active slot from the empty start, then
	 * replays into the other slot, noting the replay's CPU; stops the service again.
	 */
	private static ReplayProgress buildAndReplay(BenchmarkDatabases.Database database, long events, CpuTime cpu)
			throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderQueryApplication.class)
			.properties(database.springSettings().toArray(String[]::new))
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run()) {
			ProjectionReplays replays = app.getBean(ProjectionReplays.class);
			long buildStart = System.nanoTime();
			awaitCaughtUp(replays);
			report("built at start-up (active slot)", events, Duration.ofNanos(System.nanoTime() - buildStart));
			ReplayProgress done = cpu.measureAppInThisJvm("5. replay, per event",
					() -> awaitReplay(replays, replays.start(PROJECTION, "benchmark")), ReplayProgress::eventsAtStart);
			System.out.printf("%-34s %,12d events  %8.1f s  %,10.1f events/s (projection_replay)%n",
					"replayed into slot " + done.slot(), done.eventsAtStart(),
					Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0, done.eventsPerSecond());
			return done;
		}
	}

	private static void awaitCaughtUp(ProjectionReplays replays) throws InterruptedException {
		while (true) {
			ProjectionStatus status = replays.status(PROJECTION);
			if (status.lag() != null && status.lag() == 0) {
				return;
			}
			Thread.sleep(250);
		}
	}

	private static ReplayProgress awaitReplay(ProjectionReplays replays, Replay replay) throws InterruptedException {
		while (true) {
			ReplayProgress progress = replays.replay(PROJECTION, replay.id()).orElseThrow();
			if (progress.status() != Replay.Status.REPLAYING) {
				return progress;
			}
			Thread.sleep(250);
		}
	}

	private static void report(String what, long events, Duration took) {
		System.out.printf("%-34s %,12d events  %8.1f s  %,10.1f events/s%n", what, events, took.toMillis() / 1000.0,
				events * 1000.0 / Math.max(1, took.toMillis()));
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}

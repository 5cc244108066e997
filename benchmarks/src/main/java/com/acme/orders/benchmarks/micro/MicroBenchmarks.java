package com.acme.orders.benchmarks.micro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks in one forked JVM and prints, beside JMH's own table,
 * what upcasting adds to reading an event, and how the app's command path compares with
 * Axon's own way. JMH's results are also written to {@code target/micro-benchmarks.json}.
 * <p>
 * {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl benchmarks spring-boot:run
 * -Dbenchmark=micro.MicroBenchmarks}
 */
public final class MicroBenchmarks {

	private MicroBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Path results = Path.of("target", "micro-benchmarks.json");
		Files.createDirectories(results.getParent());
		Options options = new OptionsBuilder().include(EventJsonBenchmark.class.getName())
			.include(CommandPathBenchmark.class.getName())
			.forks(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(2))
			.resultFormat(ResultFormatType.JSON)
			.result(results.toString())
			.build();
		Collection<RunResult> runs = new Runner(options).run();
		Map<String, Double> microseconds = scores(runs, EventJsonBenchmark.class);
		double today = microseconds.get("readOrderPlacedOfToday");
		System.out.println();
		System.out.printf("%-28s %10s %16s%n", "event JSON", "us/event", "vs today's read");
		microseconds.forEach(
				(benchmark, score) -> System.out.printf("%-28s %10.2f %15.2fx%n", benchmark, score, score / today));
		Map<String, Double> nanoseconds = scores(runs, CommandPathBenchmark.class);
		System.out.println();
		System.out.printf("%-28s %10s %10s %12s%n", "per command", "Axon (ns)", "ours (ns)", "ours / Axon");
		printAgainstAxon("aggregate targeted", nanoseconds.get("targetAsAxonFindsIt"),
				nanoseconds.get("targetFromCommandTargets"));
		System.out.println("JMH results: " + results.toAbsolutePath());
	}

	/** Each benchmark method of {@code type} by its name, with its score. */
	private static Map<String, Double> scores(Collection<RunResult> runs, Class<?> type) {
		Map<String, Double> scores = new TreeMap<>();
		runs.stream()
			.filter(run -> run.getParams().getBenchmark().startsWith(type.getName() + "."))
			.forEach(run -> scores.put(run.getParams().getBenchmark().replaceAll(".*\\.", ""),
					run.getPrimaryResult().getScore()));
		return scores;
	}

	private static void printAgainstAxon(String what, double axons, double ours) {
		System.out.printf("%-28s %10.1f %10.1f %12.3f%n", what, axons, ours, ours / axons);
	}

}

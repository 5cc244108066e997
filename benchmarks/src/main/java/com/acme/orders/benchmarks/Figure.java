package com.acme.orders.benchmarks;

import java.util.List;

/**
 * One line of a benchmark's table: our figure beside PostgreSQL's ceiling for the same
 * work, their ratio and the target.
 */
record Figure(String figure, double ours, Double ceiling, String target, Load.Result result) {

	Figure(String figure, double ours, Double ceiling, String target) {
		this(figure, ours, ceiling, target, null);
	}

	static Figure ratio(String figure, Load.Result ours, Load.Result ceiling, double target) {
		return new Figure(figure, ours.perSecond(), ceiling.perSecond(), ">= " + target, ours);
	}

	static void print(List<Figure> figures) {
		System.out.println();
		System.out.printf("%-44s %12s %12s %8s %10s   %s%n", "figure", "ours", "PostgreSQL", "ratio", "target",
				"latency p50 / p99, errors");
		figures.forEach(figure -> System.out.println(figure.line()));
	}

	String line() {
		String ratio = (ceiling == null) ? "" : "%.2f".formatted(ours / ceiling);
		String latency = (result == null) ? "" : "%.1f / %.1f ms, %d errors".formatted(result.percentileMillis(50),
				result.percentileMillis(99), result.errors());
		return "%-44s %12.1f %12s %8s %10s   %s".formatted(figure, ours,
				(ceiling == null) ? "" : "%.1f".formatted(ceiling), ratio, target, latency);
	}

}

package com.acme.orders.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page of a benchmark run: the table as printed, then for every
 * figure measured under load its latency p50 and p99 in each second of the load, as a
 * chart and as numbers.
 */
final class HtmlReport {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 200;

	private HtmlReport() {
	}

	/**
	 * Prints which server, then the table, and writes the page to
	 * {@code target/<benchmark's name in lower case, dashed>.html}.
	 */
	static void publish(String benchmark, BenchmarkDatabases postgres, List<Figure> figures) throws Exception {
		publish(benchmark, postgres, figures, List.of());
	}

	/** As above, with the table of where each step's CPU went after the figures. */
	static void publish(String benchmark, BenchmarkDatabases postgres, List<Figure> figures, List<CpuTime.Spent> cpu)
			throws Exception {
		String server = postgres.describe();
		System.out.println("On " + server);
		Figure.print(figures);
		if (!cpu.isEmpty()) {
			CpuTime.Spent.print(cpu);
		}
		Path file = Path.of("target", benchmark.toLowerCase(Locale.ROOT).replace(' ', '-') + ".html");
		System.out.println("Report: " + write(file, benchmark + " on " + server, figures, cpu).toAbsolutePath());
	}

	static Path write(Path file, String title, List<Figure> figures, List<CpuTime.Spent> cpu) throws IOException {
		StringBuilder html = new StringBuilder();
		html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th:first-child,td:first-child")
			.append("{text-align:left}svg{background:#fafafa;border:1px solid #ddd}</style></head><body><h1>")
			.append(escape(title))
			.append("</h1><table><tr><th>figure</th><th>ours</th><th>PostgreSQL</th><th>ratio</th><th>target</th>")
			.append("<th>p50 / p99 ms</th></tr>");
		for (Figure figure : figures) {
			html.append("<tr><td>")
				.append(escape(figure.figure()))
				.append("</td><td>")
				.append(number(figure.ours()))
				.append("</td><td>")
				.append((figure.ceiling() == null) ? "" : number(figure.ceiling()))
				.append("</td><td>")
				.append((figure.ceiling() == null) ? "" : number(figure.ours() / figure.ceiling()))
				.append("</td><td>")
				.append(escape(figure.target()))
				.append("</td><td>")
				.append((figure.result() == null) ? ""
						: number(figure.result().percentileMillis(50)) + " / "
								+ number(figure.result().percentileMillis(99)))
				.append("</td></tr>");
		}
		html.append("</table>");
		if (!cpu.isEmpty()) {
			cpuTable(html, cpu);
		}
		for (Figure figure : figures) {
			if (figure.result() != null && !figure.result().bySecond().isEmpty()) {
				overTime(html, figure);
			}
		}
		html.append("</body></html>\n");
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.writeString(file, html);
	}

	private static void cpuTable(StringBuilder html, List<CpuTime.Spent> cpu) {
		html.append("<h2>CPU per operation, ms of one core</h2><table><tr>");
		CpuTime.Spent.COLUMNS.forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
		html.append("</tr>");
		for (CpuTime.Spent spent : cpu) {
			html.append("<tr><td>").append(escape(spent.step())).append("</td><td>").append(spent.operations());
			for (double value : spent.values()) {
				html.append("</td><td>").append(String.format(Locale.ROOT, "%.3f", value));
			}
			html.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void overTime(StringBuilder html, Figure figure) {
		List<long[]> seconds = figure.result().bySecond();
		double top = seconds.stream()
			.mapToDouble(latencies -> Load.Result.percentileMillis(latencies, 99))
			.filter(value -> !Double.isNaN(value))
			.max()
			.orElse(1);
		html.append("<h2>")
			.append(escape(figure.figure()))
			.append("</h2><p>Latency in each second of the load: p50 blue, p99 red; 0 to ")
			.append(number(top))
			.append(" ms.</p><svg width=\"")
			.append(WIDTH)
			.append("\" height=\"")
			.append(HEIGHT)
			.append("\">")
			.append(line(seconds, 50, top, "#1f77b4"))
			.append(line(seconds, 99, top, "#d62728"))
			.append("</svg><table><tr><th>second</th><th>operations</th><th>p50 ms</th><th>p99 ms</th></tr>");
		for (int second = 0; second < seconds.size(); second++) {
			long[] latencies = seconds.get(second);
			html.append("<tr><td>")
				.append(second)
				.append("</td><td>")
				.append(latencies.length)
				.append("</td><td>")
				.append(number(Load.Result.percentileMillis(latencies, 50)))
				.append("</td><td>")
				.append(number(Load.Result.percentileMillis(latencies, 99)))
				.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static String line(List<long[]> seconds, double percentile, double top, String colour) {
		StringBuilder points = new StringBuilder();
		double step = (seconds.size() > 1) ? (WIDTH - 10.0) / (seconds.size() - 1) : 0;
		for (int second = 0; second < seconds.size(); second++) {
			double value = Load.Result.percentileMillis(seconds.get(second), percentile);
			if (!Double.isNaN(value)) {
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", 5 + second * step,
						HEIGHT - 5 - value / top * (HEIGHT - 10)));
			}
		}
		return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + points + "\"/>";
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}

package com.acme.orders.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The assembled app from {@code order-app.jar}, as its own process, as it is deployed:
 * its start-up time and resident memory belong to the figures.
 */
final class AppUnderLoad implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private AppUnderLoad(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts {@code mainClass} from the extracted {@code jar}, whose manifest names every
	 * module: one service on its own, as it is deployed to scale apart from the others.
	 * {@code null} starts the jar's own main class, the assembled app.
	 */
	static AppUnderLoad start(Path jar, String mainClass, List<String> jvmOptions, Path directory,
			List<String> settings) throws IOException {
		int port = FreePorts.any();
		Process process = launch(command(jar, mainClass, jvmOptions, port, settings), directory, "app.log");
		return new AppUnderLoad(process, "http://localhost:" + port);
	}

	/** The command line of {@code mainClass} (or the jar's own) on {@code port}. */
	private static List<String> command(Path jar, String mainClass, List<String> jvmOptions, int port,
			List<String> settings) {
		List<String> command = java(jvmOptions);
		if (mainClass == null) {
			command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		}
		else {
			command.addAll(List.of("-cp", jar.toAbsolutePath().toString(), mainClass));
		}
		command.add("--server.port=" + port);
		settings.forEach(setting -> command.add("--" + setting));
		return command;
	}

	/**
	 * Starts {@code command} in {@code directory}, its output going to {@code log} there.
	 */
	private static Process launch(List<String> command, Path directory, String log) throws IOException {
		Files.createDirectories(directory);
		return new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve(log).toFile())
			.start();
	}

	/**
	 * The JVM as the app runs in: sized as in a container of 1 GiB, with a heap of at
	 * most 192 MiB, twice the live set of about 100 MiB (left to itself on this machine's
	 * 24 GiB, the JVM starts with a heap of 380 MiB and lets it grow past 600 MiB under
	 * load; with 256 MiB, the cap a 1 GiB container gives, it sat at the 512 MiB target);
	 * then {@code jvmOptions}; then {@code -Dorders.app.jvm-options}, which come last and
	 * win, for instance {@code -XX:StartFlightRecording=filename=app.jfr} to profile the
	 * app.
	 */
	private static List<String> java(List<String> jvmOptions) {
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:MaxRAM=1g", "-Xmx192m"));
		command.addAll(jvmOptions);
		String given = System.getProperty("orders.app.jvm-options", "").trim();
		if (!given.isEmpty()) {
			command.addAll(List.of(given.split("\\s+")));
		}
		return command;
	}

	/**
	 * The training run of Class Data Sharing, as Spring Boot advises for production: the
	 * extracted {@code jar} starts until its context is refreshed, then exits and writes
	 * the classes it loaded to an archive that later starts map instead of loading them
	 * ({@code -XX:SharedArchiveFile}). Answers the JVM options that use the archive.
	 */
	static List<String> trainClassDataSharing(Path jar, Path directory, List<String> settings)
			throws IOException, InterruptedException {
		Path archive = directory.resolve("app.jsa").toAbsolutePath();
		List<String> jvmOptions = List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh");
		Process training = launch(command(jar, null, jvmOptions, 0, settings), directory, "training.log");
		if (!training.waitFor(3, TimeUnit.MINUTES) || !Files.exists(archive)) {
			training.destroyForcibly();
			throw new IllegalStateException(
					"The training run wrote no archive; see " + directory.resolve("training.log"));
		}
		return List.of("-XX:SharedArchiveFile=" + archive);
	}

	/**
	 * Unpacks the executable jar the way Spring Boot advises for production
	 * ({@code java -Djarmode=tools -jar order-app.jar extract}): a jar with its
	 * dependencies beside it, which starts faster than one that loads classes from jars
	 * nested in it. Answers the jar to run.
	 */
	static Path extract(Path jar, Path directory) throws IOException, InterruptedException {
		Process extraction = new ProcessBuilder(javaCommand(), "-Djarmode=tools", "-jar",
				jar.toAbsolutePath().toString(), "extract", "--destination", directory.toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolveSibling("extract.log").toFile())
			.start();
		if (!extraction.waitFor(2, TimeUnit.MINUTES) || extraction.exitValue() != 0) {
			extraction.destroyForcibly();
			throw new IllegalStateException(
					"Could not extract " + jar + "; see " + directory.resolveSibling("extract.log"));
		}
		return directory.resolve(jar.getFileName());
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String baseUrl() {
		return baseUrl;
	}

	/** Sends {@code request} until it is answered 201; answers how long that took. */
	Duration awaitFirstCreated(HttpConnection.Request request) throws InterruptedException {
		long start = System.nanoTime();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The app stopped; see its app.log");
			}
			try (HttpConnection http = connect()) {
				if (http.send(request).status() == 201) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(20);
		}
	}

	/** Resident memory of the app's process now, from {@code /proc} (Linux). */
	long residentBytes() throws IOException {
		return statusBytes("VmRSS:");
	}

	/** The most resident memory the app's process has had so far. */
	long peakResidentBytes() throws IOException {
		return statusBytes("VmHWM:");
	}

	private long statusBytes(String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return -1;
	}

	long pid() {
		return process.pid();
	}

	/** A connection of one's own to the app, for one client thread. */
	HttpConnection connect() {
		return new HttpConnection(uri(""));
	}

	URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}

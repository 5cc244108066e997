package com.acme.orders.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The assembled app ({@code order-app.jar}) as a JVM process of its own, on one fixed
 * port across restarts, logging to a file per start.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path workDirectory;

	private final List<String> arguments;

	private final int port;

	private int starts;

	private Process process;

	AppProcess(Path workDirectory, FaultPostgres postgres, String... settings) {
		this.workDirectory = workDirectory;
		this.port = freePort();
		this.arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + postgres.username(),
				"--orders.rate-limit.commands-per-second=100000", "--orders.rate-limit.burst=100000"));
		for (String setting : settings) {
			arguments.add("--" + setting);
		}
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	/** Starts the app and waits until it answers. */
	void start() throws IOException, InterruptedException {
		starts++;
		Files.createDirectories(workDirectory);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						System.getProperty("faults.app.jar")));
		command.addAll(arguments);
		process = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workDirectory.resolve("app-" + starts + ".log").toFile())
			.start();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!answers()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"The app did not start; see " + workDirectory + "/app-" + starts + ".log");
			}
			Thread.sleep(200);
		}
	}

	/** {@code kill -9}: no shutdown hook, nothing flushed. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private boolean answers() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/orders?size=1"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("ops:ops".getBytes(StandardCharsets.UTF_8)))
				.timeout(Duration.ofSeconds(2))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

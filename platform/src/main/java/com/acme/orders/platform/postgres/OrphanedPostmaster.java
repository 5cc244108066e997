package com.acme.orders.platform.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by a JVM that was killed
 * ({@code kill -9}): the embedded server runs as a separate daemon, so it outlives the
 * JVM and would make the next start fail. It is shut down cleanly (smart shutdown, which
 * completes its own crash-safe checkpoint) before a new server is started.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(OrphanedPostmaster::isPostgres)
			.ifPresent(process -> stop(process, dataDirectory));
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			log.warn("Cannot read {}; assuming no server is running", pidFile, ex);
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(false);
	}

	private static void stop(ProcessHandle process, Path dataDirectory) {
		log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; shutting it down", process.pid(),
				dataDirectory);
		process.destroy();
		try {
			process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The PostgreSQL server with pid " + process.pid() + " on " + dataDirectory
					+ " did not stop within " + SHUTDOWN_WAIT + "; stop it and start again", ex);
		}
	}

}

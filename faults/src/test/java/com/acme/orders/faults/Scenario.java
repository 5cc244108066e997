package com.acme.orders.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh working directory per scenario: PostgreSQL's data and the app's logs.
 */
final class Scenario {

	private Scenario() {
	}

	static Path directory(String name) {
		Path directory = Path.of(System.getProperty("faults.work.dir", "target/faults")).resolve(name);
		try {
			if (Files.exists(directory)) {
				try (Stream<Path> old = Files.walk(directory)) {
					old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

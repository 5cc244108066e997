package com.acme.orders.benchmarks;

import java.time.Duration;

/**
 * Loads the app at full speed, in rounds, until its JIT compilers are quiet: the figures
 * are of the app as it runs for hours, not of its first minutes. The JIT compiles this
 * app's hot paths by how often they run, not by how long: after 150 s at 40 orders/s, a
 * refused POST still cost 2.1 ms of the app's CPU, 0.4 of it compiling; at full speed it
 * fell to 0.4 ms within four minutes. Each round waits until the app has settled, so the
 * sagas' and projections' paths are compiled too and no backlog is left.
 */
final class WarmUp {

	private static final Duration ROUND = Duration.ofSeconds(15);

	private static final int MOST_ROUNDS = 14;

	/** Compiling takes less than this share of the app's CPU once it is warm. */
	private static final double QUIET = 0.03;

	private static final int CLIENTS = 16;

	private WarmUp() {
	}

	/**
	 * Runs {@code load} from 16 clients in rounds, each followed by settling, until the
	 * JIT took less than 3 % of the app's CPU in a round (14 rounds at most).
	 */
	static void untilCompiled(AppUnderLoad app, BenchmarkDatabases.Database database, Load.Client load)
			throws Exception {
		CpuTime cpu = new CpuTime();
		for (int round = 1; round <= MOST_ROUNDS; round++) {
			Load.Result result = cpu.measure("warm-up", app, () -> {
				Load.Result loaded = Load.run(CLIENTS, ROUND, load);
				Settled.await(database);
				return loaded;
			});
			CpuTime.Spent spent = cpu.steps().get(cpu.steps().size() - 1);
			double compiling = spent.jit() / spent.app();
			System.out.printf("Warm-up round %d: %.1f operations/s, the JIT took %.1f %% of the app's CPU%n", round,
					result.perSecond(), 100 * compiling);
			if (compiling < QUIET) {
				return;
			}
		}
	}

}

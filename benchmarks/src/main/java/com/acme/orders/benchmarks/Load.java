package com.acme.orders.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load: {@code clients} threads, each doing one operation after another for
 * a fixed time, every operation timed.
 */
final class Load {

	private Load() {
	}

	/** One client's operation, prepared once per client. */
	interface Operation {

		/** Does it once; throws on an error, which is counted. */
		void run() throws Exception;

		/**
		 * Runs before each operation, untimed: a client that keeps to a pace waits here.
		 */
		default void beforeEach() throws InterruptedException {
		}

	}

	interface Client {

		Operation prepare(int client) throws Exception;

	}

	/**
	 * @param completed operations that succeeded
	 * @param errors operations that threw
	 * @param seconds how long the load ran
	 * @param latenciesMicros every successful operation's latency, sorted
	 * @param firstError what the first failed operation threw, if any did
	 * @param bySecond the latencies of the operations started in each second of the load,
	 * each sorted
	 */
	record Result(long completed, long errors, double seconds, long[] latenciesMicros, String firstError,
			List<long[]> bySecond) {

		double perSecond() {
			return completed / seconds;
		}

		double percentileMillis(double percentile) {
			return percentileMillis(latenciesMicros, percentile);
		}

		static double percentileMillis(long[] sortedMicros, double percentile) {
			if (sortedMicros.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(percentile / 100 * sortedMicros.length) - 1);
			return sortedMicros[Math.max(0, index)] / 1000.0;
		}

	}

	static Result run(int clients, Duration duration, Client client) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		long[] end = { 0 };
		List<Future<long[][]>> runs = new ArrayList<>();
		long[] errors = new long[clients];
		String[] firstError = new String[1];
		for (int c = 0; c < clients; c++) {
			int number = c;
			runs.add(threads.submit(() -> {
				Operation operation = client.prepare(number);
				ready.countDown();
				go.await();
				long[] latencies = new long[1 << 16];
				long[] seconds = new long[latencies.length];
				int count = 0;
				long begin = end[0] - duration.toNanos();
				while (System.nanoTime() < end[0]) {
					operation.beforeEach();
					long start = System.nanoTime();
					try {
						operation.run();
						if (count == latencies.length) {
							latencies = Arrays.copyOf(latencies, count * 2);
							seconds = Arrays.copyOf(seconds, count * 2);
						}
						seconds[count] = (start - begin) / 1_000_000_000L;
						latencies[count++] = (System.nanoTime() - start) / 1000;
					}
					catch (Exception ex) {
						errors[number]++;
						synchronized (firstError) {
							if (firstError[0] == null) {
								firstError[0] = ex.toString();
							}
						}
					}
				}
				return new long[][] { Arrays.copyOf(latencies, count), Arrays.copyOf(seconds, count) };
			}));
		}
		ready.await();
		long start = System.nanoTime();
		end[0] = start + duration.toNanos();
		go.countDown();
		List<long[][]> all = new ArrayList<>();
		for (Future<long[][]> run : runs) {
			all.add(run.get());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		threads.shutdown();
		long[] merged = all.stream().flatMapToLong(run -> Arrays.stream(run[0])).sorted().toArray();
		return new Result(merged.length, Arrays.stream(errors).sum(), seconds, merged, firstError[0],
				bySecond(all, (int) Math.ceil(seconds)));
	}

	private static List<long[]> bySecond(List<long[][]> runs, int seconds) {
		List<List<Long>> buckets = new ArrayList<>();
		for (int second = 0; second < seconds; second++) {
			buckets.add(new ArrayList<>());
		}
		for (long[][] run : runs) {
			for (int i = 0; i < run[0].length; i++) {
				buckets.get((int) Math.min(run[1][i], seconds - 1)).add(run[0][i]);
			}
		}
		return buckets.stream().map(bucket -> bucket.stream().mapToLong(Long::longValue).sorted().toArray()).toList();
	}

}

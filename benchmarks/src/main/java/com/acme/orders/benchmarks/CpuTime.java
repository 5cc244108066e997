package com.acme.orders.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a step, read from {@code /proc} (Linux): the app's
 * process, the PostgreSQL server's processes on this machine, this benchmark's own JVM
 * (the HTTP load generator, or the JDBC client of a ceiling), the rest of the machine,
 * and the time the hypervisor gave to other machines (steal). Divided by the step's
 * operations, it says what one operation costs and who pays for it: the figures compare
 * throughputs on two shared cores, so this is what explains a ratio.
 */
final class CpuTime {

	/** {@code USER_HZ}, which the Linux ABI fixes at 100 on x86 and ARM. */
	private static final double TICKS_PER_MILLISECOND = 0.1;

	private static final Path PROC = Path.of("/proc");

	private static final Path THIS_JVM = PROC.resolve("self");

	private final List<Spent> steps = new ArrayList<>();

	/** Runs a load step of {@code app} ({@code null} for a ceiling) and notes its CPU. */
	Load.Result measure(String step, AppUnderLoad app, Callable<Load.Result> load) throws Exception {
		return measure(step, app, load, Load.Result::completed);
	}

	/**
	 * Runs a step and notes its CPU per operation, {@code operations} telling how many.
	 */
	<T> T measure(String step, AppUnderLoad app, Callable<T> work, ToLongFunction<T> operations) throws Exception {
		return measure(step, (app != null) ? PROC.resolve(Long.toString(app.pid())) : null, work, operations);
	}

	/** Runs a step of an app that runs in this JVM: this JVM's CPU is the app's. */
	<T> T measureAppInThisJvm(String step, Callable<T> work, ToLongFunction<T> operations) throws Exception {
		return measure(step, THIS_JVM, work, operations);
	}

	private <T> T measure(String step, Path appProcess, Callable<T> work, ToLongFunction<T> operations)
			throws Exception {
		Sample before = Sample.of(appProcess);
		T outcome = work.call();
		steps.add(Sample.of(appProcess).spentSince(before, step, operations.applyAsLong(outcome)));
		return outcome;
	}

	List<Spent> steps() {
		return List.copyOf(steps);
	}

	/**
	 * CPU ticks spent so far.
	 *
	 * @param busy by the whole machine, steal excluded
	 * @param steal taken by the hypervisor for other machines
	 * @param app by the app's process (0 for a step without the app)
	 * @param jit by the app's JIT compiler threads, part of {@code app}
	 * @param postgres by every process named {@code postgres} on this machine, with its
	 * exited children
	 * @param benchmark by this JVM
	 */
	private record Sample(long busy, long steal, long app, long jit, long postgres, long benchmark) {

		/** A sample with the app in {@code appProcess}, {@code null} for none. */
		static Sample of(Path appProcess) {
			long[] machine = machineTicks();
			if (appProcess == null) {
				return new Sample(machine[0], machine[1], 0, 0, postgresTicks(), processTicks(THIS_JVM, false));
			}
			long benchmark = appProcess.equals(THIS_JVM) ? 0 : processTicks(THIS_JVM, false);
			return new Sample(machine[0], machine[1], processTicks(appProcess, false), compilerTicks(appProcess),
					postgresTicks(), benchmark);
		}

		Spent spentSince(Sample before, String step, long operations) {
			double perOperation = 1 / (TICKS_PER_MILLISECOND * Math.max(1, operations));
			long appTicks = app - before.app;
			long postgresTicks = postgres - before.postgres;
			long benchmarkTicks = benchmark - before.benchmark;
			long restTicks = busy - before.busy - appTicks - postgresTicks - benchmarkTicks;
			return new Spent(step, operations, appTicks * perOperation, (jit - before.jit) * perOperation,
					postgresTicks * perOperation, benchmarkTicks * perOperation, restTicks * perOperation,
					(steal - before.steal) * perOperation);
		}

	}

	/**
	 * One step's CPU per operation, in milliseconds of one core.
	 */
	record Spent(String step, long operations, double app, double jit, double postgres, double loadGenerator,
			double rest, double steal) {

		static final List<String> COLUMNS = List.of("step", "operations", "app", "of which JIT", "PostgreSQL",
				"load generator", "rest of the machine", "steal");

		static void print(List<Spent> steps) {
			System.out.println();
			System.out.println("CPU per operation, ms of one core:");
			System.out.printf("%-44s %10s %8s %8s %10s %10s %8s %8s%n", "step", "operations", "app", "JIT",
					"PostgreSQL", "load gen.", "rest", "steal");
			steps.forEach(spent -> System.out.printf(Locale.ROOT, "%-44s %10d %8.3f %8.3f %10.3f %10.3f %8.3f %8.3f%n",
					spent.step(), spent.operations(), spent.app(), spent.jit(), spent.postgres(), spent.loadGenerator(),
					spent.rest(), spent.steal()));
		}

		double[] values() {
			return new double[] { app, jit, postgres, loadGenerator, rest, steal };
		}

	}

	/** The machine's busy and stolen ticks, from the first line of {@code /proc/stat}. */
	private static long[] machineTicks() {
		String[] cpu = read(PROC.resolve("stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
		// cpu user nice system idle iowait irq softirq steal ...
		long busy = 0;
		for (int field : new int[] { 1, 2, 3, 6, 7 }) {
			busy += Long.parseLong(cpu[field]);
		}
		return new long[] { busy, Long.parseLong(cpu[8]) };
	}

	/** The ticks of the process's JIT compiler threads ({@code C1 CompilerThre}...). */
	private static long compilerTicks(Path process) {
		try (Stream<Path> threads = Files.list(process.resolve("task"))) {
			return threads.filter(thread -> readOrEmpty(thread.resolve("comm")).contains("CompilerThre"))
				.mapToLong(thread -> processTicks(thread, false))
				.sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long postgresTicks() {
		try (Stream<Path> processes = Files.list(PROC)) {
			return processes.filter(process -> process.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter(process -> "postgres".equals(readOrEmpty(process.resolve("comm")).trim()))
				.mapToLong(process -> processTicks(process, true))
				.sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * User and system ticks of a process, and with {@code exitedChildren} of its children
	 * that have ended (a PostgreSQL backend's time moves to the postmaster when it ends);
	 * 0 if the process has gone.
	 */
	private static long processTicks(Path process, boolean exitedChildren) {
		String stat = readOrEmpty(process.resolve("stat"));
		if (stat.isEmpty()) {
			return 0;
		}
		// Fields counted from 1, the command (2) in parentheses: utime 14, stime 15,
		// cutime 16, cstime 17.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = 0;
		for (int field = 14; field <= (exitedChildren ? 17 : 15); field++) {
			ticks += Long.parseLong(fields[field - 3]);
		}
		return ticks;
	}

	private static String readOrEmpty(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			// A process that has ended, or ends while it is read.
			return "";
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

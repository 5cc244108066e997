package com.acme.orders.platform.ports;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads for background work, so that thread dumps say what each thread is
 * for and none of them keeps a stopping JVM alive.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	public static ThreadFactory named(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

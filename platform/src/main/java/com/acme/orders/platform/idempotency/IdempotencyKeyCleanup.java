package com.acme.orders.platform.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.acme.orders.platform.ports.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired keys every {@code interval}. Expired keys already count for nothing;
 * this only keeps the table small.
 */
class IdempotencyKeyCleanup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

	private final IdempotencyKeys keys;

	private final Duration interval;

	private volatile ScheduledExecutorService timer;

	IdempotencyKeyCleanup(IdempotencyKeys keys, Duration interval) {
		this.keys = keys;
		this.interval = interval;
	}

	void cleanUp() {
		try {
			int deleted = keys.deleteExpired();
			if (deleted > 0) {
				log.info("Deleted {} expired idempotency keys", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete expired idempotency keys; trying again in {}", interval, ex);
		}
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("idempotency-cleanup"));
		timer.scheduleWithFixedDelay(this::cleanUp, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return timer != null;
	}

}

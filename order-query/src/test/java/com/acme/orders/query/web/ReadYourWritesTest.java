package com.acme.orders.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.orders.platform.projection.ReadModelCommits;
import com.acme.orders.query.AddressView;
import com.acme.orders.query.MoneyView;
import com.acme.orders.query.OrderDetails;
import com.acme.orders.query.OrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reader waiting for its write polls slowly here (10 s between looks), so only the
 * projection's commit of its order can end the wait in time.
 */
class ReadYourWritesTest {

	private static final Duration SLOW_POLL = Duration.ofSeconds(10);

	private final UUID orderId = UUID.randomUUID();

	private final ReadModelCommits commits = new ReadModelCommits();

	private final ReadYourWrites readYourWrites = new ReadYourWrites(Duration.ofSeconds(30), commits, SLOW_POLL,
			SLOW_POLL);

	private final AtomicLong versionInReadModel = new AtomicLong(0);

	private final CountDownLatch firstLook = new CountDownLatch(1);

	private final ExecutorService reader = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopReader() {
		reader.shutdownNow();
	}

	@Test
	void aCommitOfTheOrderEndsTheWaitAtOnce() throws Exception {
		CompletableFuture<Optional<OrderDetails>> read = waitForVersion(1);
		assertThat(firstLook.await(5, TimeUnit.SECONDS)).isTrue();

		versionInReadModel.set(1);
		commits.committed(List.of(orderId));

		assertThat(read.get(5, TimeUnit.SECONDS)).hasValueSatisfying(order -> assertThat(order.version()).isEqualTo(1));
	}

	@Test
	void aCommitOfAnotherOrderDoesNotEndTheWait() throws Exception {
		CompletableFuture<Optional<OrderDetails>> read = waitForVersion(1);
		assertThat(firstLook.await(5, TimeUnit.SECONDS)).isTrue();

		versionInReadModel.set(1);
		commits.committed(List.of(UUID.randomUUID()));
		Thread.sleep(300);

		assertThat(read).as("still waiting: it did not look again").isNotDone();
		commits.committed(List.of(orderId));
		assertThat(read.get(5, TimeUnit.SECONDS)).isPresent();
	}

	private CompletableFuture<Optional<OrderDetails>> waitForVersion(long version) {
		return CompletableFuture.supplyAsync(() -> readYourWrites.awaitVersion(orderId, version, () -> {
			Optional<OrderDetails> found = Optional.of(order(versionInReadModel.get()));
			firstLook.countDown();
			return found;
		}), reader);
	}

	private OrderDetails order(long version) {
		Instant at = Instant.parse("2026-11-20T09:00:00Z");
		return new OrderDetails(orderId, "alice", OrderStatus.PENDING_PAYMENT, null, List.of(),
				new MoneyView("25.00", "EUR"), new AddressView("Ada", "1 Main St", "London", "N1 9GU", "GB"), at, at,
				version, null, null);
	}

}

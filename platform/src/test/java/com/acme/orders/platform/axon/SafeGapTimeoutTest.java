package com.acme.orders.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import com.acme.orders.platform.postgres.TransactionBounds;
import org.junit.jupiter.api.Test;

class SafeGapTimeoutTest {

	private static final TransactionBounds THIRTY_SECONDS = new TransactionBounds(Duration.ofSeconds(10),
			Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

	@Test
	void theGapTimeoutMustOutlastTwiceTheLongestTransaction() {
		assertThat(AxonStorageAutoConfiguration.safeGapTimeout(store(Duration.ofMinutes(5)), THIRTY_SECONDS))
			.isEqualTo(Duration.ofMinutes(5));
		assertThatIllegalStateException()
			.isThrownBy(
					() -> AxonStorageAutoConfiguration.safeGapTimeout(store(Duration.ofSeconds(45)), THIRTY_SECONDS))
			.withMessageContaining("orders.event-store.gap-timeout");
	}

	private static AxonStorageAutoConfiguration.EventStoreProperties store(Duration gapTimeout) {
		return new AxonStorageAutoConfiguration.EventStoreProperties(100, gapTimeout, 10_000_000);
	}

}

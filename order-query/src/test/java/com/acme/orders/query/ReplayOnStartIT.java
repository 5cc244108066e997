package com.acme.orders.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import com.acme.orders.platform.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operators without HTTP rebuild a projection by starting the service with a flag.
 */
@SpringBootTest(classes = OrderQueryApplication.class, properties = "orders.projections.replay-on-start=order-summary")
@PostgresTest
class ReplayOnStartIT {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void startingWithTheFlagRebuildsTheProjectionIntoTheOtherSlot() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select status from projection_replay where requested_by = 'command line'")
				.query(String.class)
				.optional(), status -> status.equals(Optional.of("COMPLETED")));

		assertThat(jdbc.sql("select active_slot from projection_slot where projection = 'order-summary'")
			.query(String.class)
			.single()).isEqualTo("b");
	}

}

package com.acme.orders.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.acme.orders.events.order.OrderPlaced;
import org.junit.jupiter.api.Test;

/**
 * The micro-benchmark measures real reads: every stored shape it times comes out as
 * today's {@code OrderPlaced} of the same order.
 */
class EventJsonBenchmarkTest {

	private final EventJsonBenchmark benchmark = new EventJsonBenchmark();

	@Test
	void everyStoredShapeIsReadAsTodaysOrderPlaced() {
		OrderPlaced today = single(benchmark.readOrderPlacedOfToday());
		assertThat(today).as("what was written is read back").isEqualTo(benchmark.orderPlaced);

		for (List<Object> historic : List.of(benchmark.readOrderPlacedRevision1(),
				benchmark.readOrderCreatedRevision1())) {
			OrderPlaced read = single(historic);
			assertThat(read.orderId()).isEqualTo(today.orderId());
			assertThat(read.total().amount()).isEqualByComparingTo(new BigDecimal("25.00"));
			assertThat(read.lines()).singleElement().satisfies(line -> assertThat(line.sku()).isEqualTo("BOOK-1984"));
			assertThat(read.shippingAddress().postalCode()).isEqualTo("N1 9GU");
		}
	}

	private static OrderPlaced single(List<Object> events) {
		assertThat(events).singleElement().isInstanceOf(OrderPlaced.class);
		return (OrderPlaced) events.get(0);
	}

}

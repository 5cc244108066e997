package com.acme.orders.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderSortTest {

	@Test
	void placedAtAndUpdatedAtSortEitherWayDescendingByDefault() {
		assertThat(OrderSort.parse("placedAt,desc")).contains(new OrderSort("placed_at", false));
		assertThat(OrderSort.parse("updatedAt,ASC")).contains(new OrderSort("updated_at", true));
		assertThat(OrderSort.parse("updatedAt")).contains(new OrderSort("updated_at", false));
	}

	@Test
	void anythingElseIsRefusedRatherThanPassedToSql() {
		assertThat(OrderSort.parse("total,desc")).isEmpty();
		assertThat(OrderSort.parse("placedAt,sideways")).isEmpty();
		assertThat(OrderSort.parse("placedAt,desc,extra")).isEmpty();
		assertThat(OrderSort.parse("placed_at; drop table order_summary")).isEmpty();
	}

}

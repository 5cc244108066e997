package com.acme.orders.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlotTablesTest {

	private final SlotTables slotB = new SlotTables(ReadModelSlot.B,
			List.of("order_summary", "order_summary_line", "order_timeline"));

	@Test
	void everyTableOfTheProjectionNamesTheSlotsCopy() {
		assertThat(slotB.sql("""
				select * from order_summary s join order_summary_line l on l.order_id = s.order_id
				where exists (select 1 from order_timeline t where t.order_id = s.order_id)""")).isEqualTo("""
				select * from order_summary_b s join order_summary_line_b l on l.order_id = s.order_id
				where exists (select 1 from order_timeline_b t where t.order_id = s.order_id)""");
	}

	@Test
	void columnsAndOtherTablesThatMerelyStartWithATableNameAreLeftAlone() {
		assertThat(slotB.sql("select order_summary_id from order_summary_archive, order_summary"))
			.isEqualTo("select order_summary_id from order_summary_archive, order_summary_b");
	}

}

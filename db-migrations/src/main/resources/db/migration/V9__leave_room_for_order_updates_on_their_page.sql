-- Every event of an order updates its row in the order table. While a replay rebuilds a slot, the slot has no secondary
-- indexes (deferred_index, V8), so PostgreSQL can keep each updated row on its page and add no index entry (a HOT
-- update), but only where the page has room: rows are written packed, so nearly every update moved its row to another
-- page and added an entry to the primary key. Half of each page is left free for them. ReplayBenchmark, 300,000
-- events, alternating runs: 12,479 and 11,922 events/s against 10,046 and 8,058 with pages packed. Pages written from
-- here on are half full; the live slot's updates change indexed columns and move rows anyway.
alter table order_summary_a set (fillfactor = 50);
alter table order_summary_b set (fillfactor = 50);

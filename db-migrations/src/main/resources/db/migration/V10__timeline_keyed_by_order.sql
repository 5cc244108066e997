-- A timeline row was keyed by its event's identifier alone, a random UUID: every insert went to a random page of the
-- primary key, across the whole index, and a second index on (order_id, occurred_at) served the reads. Keyed by the
-- order first, an order's rows sit together in one index, the one its reads use (an order has a few dozen rows,
-- sorted by time as they are read), and inserts touch the pages of the orders in progress. The event's identifier
-- and part still make a row unique: every event's row belongs to one order.
alter table order_timeline_a
    drop constraint order_timeline_a_pk,
    add constraint order_timeline_a_pk primary key (order_id, event_id, part);
alter table order_timeline_b
    drop constraint order_timeline_b_pkey,
    add constraint order_timeline_b_pk primary key (order_id, event_id, part);

-- A replay under way may have dropped its slot's index and keep the definition to create it again.
drop index if exists order_timeline_a_order_idx;
drop index if exists order_timeline_b_order_id_occurred_at_idx;
delete from deferred_index where index_name in ('order_timeline_a_order_idx', 'order_timeline_b_order_id_occurred_at_idx');

-- A projection that can be rebuilt without read downtime keeps two copies of its tables, slot a and slot b. Queries
-- read the active slot; a replay fills the other one from the event store while the active one keeps answering, and
-- once the copy has caught up a single transaction makes it the active slot; then the old one is emptied.

alter table order_summary rename to order_summary_a;
alter table order_summary_line rename to order_summary_line_a;
alter table order_timeline rename to order_timeline_a;

alter table order_summary_a rename constraint order_summary_pk to order_summary_a_pk;
alter table order_summary_line_a rename constraint order_summary_line_pk to order_summary_line_a_pk;
alter table order_timeline_a rename constraint order_timeline_pk to order_timeline_a_pk;
alter index order_summary_placed_at_idx rename to order_summary_a_placed_at_idx;
alter index order_summary_updated_at_idx rename to order_summary_a_updated_at_idx;
alter index order_summary_customer_placed_at_idx rename to order_summary_a_customer_placed_at_idx;
alter index order_summary_status_placed_at_idx rename to order_summary_a_status_placed_at_idx;

-- The timeline is ordered by when each event happened. The processor's position, recorded so far, is not the
-- event's own index once a late transaction fills a gap, so a rebuild would not reproduce it.
drop index order_timeline_order_idx;
alter table order_timeline_a drop column position;
create index order_timeline_a_order_idx on order_timeline_a (order_id, occurred_at);

-- Slot b has the same columns, defaults, keys and indexes.
create table order_summary_b (like order_summary_a including all);
create table order_summary_line_b (like order_summary_line_a including all);
create table order_timeline_b (like order_timeline_a including all);

-- Which slot each rebuildable projection reads from. Readers take a shared advisory lock on the projection while they
-- read; the switch takes it exclusively, so no reader is still on the old slot when it is emptied.
create table projection_slot (
    projection  varchar(100) not null,
    active_slot char(1)      not null,
    switched_at timestamptz  not null,
    constraint projection_slot_pk primary key (projection),
    constraint projection_slot_active_slot_ck check (active_slot in ('a', 'b'))
);

insert into projection_slot (projection, active_slot, switched_at) values ('order-summary', 'a', now());

-- Every replay, running or finished, with the figures it reached.
create table projection_replay (
    replay_id         uuid          not null,
    projection        varchar(100)  not null,
    slot              char(1)       not null,
    status            varchar(16)   not null,
    requested_by      varchar(255)  not null,
    started_at        timestamptz   not null,
    tail_at_start     bigint        not null,
    head_at_start     bigint        not null,
    events_at_start   bigint        not null,
    finished_at       timestamptz,
    events_per_second numeric(12,1),
    failure           varchar(1000),
    constraint projection_replay_pk primary key (replay_id),
    constraint projection_replay_slot_ck check (slot in ('a', 'b')),
    constraint projection_replay_status_ck check (status in ('REPLAYING', 'COMPLETED', 'FAILED'))
);

-- At most one replay of a projection runs at a time, whichever process started it.
create unique index projection_replay_one_running_idx on projection_replay (projection) where status = 'REPLAYING';
create index projection_replay_started_at_idx on projection_replay (projection, started_at desc);

-- The projection's processor is now the one of slot a.
update token_entry set processor_name = 'order-summary-a' where processor_name = 'order-summary';

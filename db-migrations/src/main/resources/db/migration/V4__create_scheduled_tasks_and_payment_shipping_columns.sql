-- Persistent deadlines (payment timeouts) through db-scheduler, in its PostgreSQL shape.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    constraint scheduled_tasks_pk primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- The order read model shows how payment and shipment stand. Each has its own version (its aggregate's event
-- count), so that their events are applied once and in order without touching the order's own version.
alter table order_summary
    add column payment_status   varchar(32),
    add column payment_version  bigint not null default 0,
    add column shipment_id      uuid,
    add column shipment_status  varchar(32),
    add column tracking_number  varchar(100),
    add column shipment_version bigint not null default 0;

-- The timeline also lists payment and shipping events: they have no order version, and all events are ordered by
-- their position in the event store.
alter table order_timeline
    alter column version drop not null,
    add column position bigint;

drop index order_timeline_order_idx;
create index order_timeline_order_idx on order_timeline (order_id, position, version);

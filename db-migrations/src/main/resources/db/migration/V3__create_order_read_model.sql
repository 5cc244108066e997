-- Read model of the order-summary projection. Rows are keyed so that replaying an event changes nothing.

create table order_summary (
    order_id            uuid          not null,
    customer_id         varchar(255)  not null,
    status              varchar(32)   not null,
    cancellation_reason varchar(32),
    currency            char(3)       not null,
    total_amount        numeric(19,4) not null,
    line_count          integer       not null,
    ship_name           varchar(200)  not null,
    ship_street         varchar(200)  not null,
    ship_city           varchar(100)  not null,
    ship_postal_code    varchar(20)   not null,
    ship_country        char(2)       not null,
    placed_at           timestamptz   not null,
    updated_at          timestamptz   not null,
    -- Number of events of the order applied so far; equals the aggregate's version (ETag).
    version             bigint        not null,
    constraint order_summary_pk primary key (order_id)
);

create index order_summary_placed_at_idx on order_summary (placed_at desc, order_id);
create index order_summary_updated_at_idx on order_summary (updated_at desc, order_id);
create index order_summary_customer_placed_at_idx on order_summary (customer_id, placed_at desc);
create index order_summary_status_placed_at_idx on order_summary (status, placed_at desc);

create table order_summary_line (
    order_id   uuid          not null,
    line_no    integer       not null,
    sku        varchar(64)   not null,
    quantity   integer       not null,
    unit_price numeric(19,4) not null,
    constraint order_summary_line_pk primary key (order_id, line_no)
);

-- One row per event of an order, keyed by the event's identifier so a replayed event is not recorded twice.
create table order_timeline (
    event_id    varchar(255) not null,
    order_id    uuid         not null,
    version     bigint       not null,
    event_type  varchar(100) not null,
    occurred_at timestamptz  not null,
    details     jsonb        not null,
    constraint order_timeline_pk primary key (event_id)
);

create index order_timeline_order_idx on order_timeline (order_id, version);

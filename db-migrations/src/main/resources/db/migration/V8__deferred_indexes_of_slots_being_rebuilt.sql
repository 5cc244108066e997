-- The secondary indexes of a read-model slot being rebuilt. A replay drops them when it empties the slot, so that it
-- writes each row without keeping every index up to date on every event, and creates them again from here before the
-- slot answers queries; kept in a table so that a replay resumed after a crash still finds them.
create table deferred_index (
    index_name varchar(200) not null,
    table_name varchar(200) not null,
    definition text         not null,
    constraint deferred_index_pk primary key (index_name)
);

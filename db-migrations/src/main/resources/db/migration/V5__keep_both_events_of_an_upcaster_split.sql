-- One stored event can become two (an upcaster split): both carry its identifier and sequence number, and the
-- upcaster numbers them in the metadata value upcastPart. Keys and version guards include that part, so replaying
-- keeps the second event instead of taking it for a duplicate of the first.
alter table order_summary
    add column version_part integer not null default 0;

alter table order_timeline
    add column part integer not null default 0,
    drop constraint order_timeline_pk,
    add constraint order_timeline_pk primary key (event_id, part);

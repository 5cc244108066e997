-- Idempotency-Key: each accepted command's answer, recorded in the command's own transaction, so that a retry with
-- the same key gets the same answer and changes nothing. Keys are scoped to the caller and the route.
create table idempotency_key (
    scope           varchar(700)             not null,
    idempotency_key varchar(255)             not null,
    request_sha256  bytea                    not null,
    status          smallint                 not null,
    headers         text                     not null,
    body            text,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    constraint idempotency_key_pk primary key (scope, idempotency_key)
);

create index idempotency_key_expires_at_idx on idempotency_key (expires_at);

-- A billing run asked for from the counter or the API after its preview: once per request id,
-- with the figures the preview showed.
create table billing_run_request (
    request_id          varchar(64)   primary key,
    kind                varchar(16)   not null,
    period              varchar(16)   not null,
    process_instance_id varchar(64)   not null,
    units               integer       not null,
    bills               integer       not null,
    total               decimal(14,2) not null,
    requested_by        varchar(64)   not null,
    requested_at        timestamp     not null
);

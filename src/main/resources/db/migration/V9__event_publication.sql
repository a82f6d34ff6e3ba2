-- Spring Modulith's event publication registry: a follow-up of a commit (a payment moving a
-- move-in on, ending a dunning case) is recorded in the same transaction and marked completed
-- once done; what is not completed is retried.
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(4000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);

create index ix_event_publication_completion on event_publication (completion_date);

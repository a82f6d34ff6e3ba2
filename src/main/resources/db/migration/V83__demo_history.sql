-- The demo's past (DemoHistory): begun once, by one node; ended_at stays empty while it is made
create table demo_history (
    id integer primary key,
    begun_at timestamp not null,
    ended_at timestamp,
    days integer not null,
    seconds integer
);

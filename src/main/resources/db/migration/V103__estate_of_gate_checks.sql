-- A gate check belongs to the estate whose guard made it, also when the number shown was no pass at all:
-- the release report counts each estate's own. The checks from before are the oldest estate's.
alter table gate_check add column estate_id bigint references estate (id);
update gate_check set estate_id = (select min(id) from estate);
alter table gate_check alter column estate_id set not null;
create index ix_gate_check_estate on gate_check (estate_id);

-- Each estate reads only its own clear reads: a read is logged in the estate the reader works in.
alter table personal_data_read add column estate_id bigint references estate (id);
update personal_data_read set estate_id = (select min(id) from estate);
alter table personal_data_read alter column estate_id set not null;
create index ix_personal_data_read_estate on personal_data_read (estate_id, id);

-- A billing run asked for at the counter bills the estate of the staff member who asked for it.
alter table billing_run_request add column estate_id bigint references estate (id);
update billing_run_request set estate_id = (select min(id) from estate);
alter table billing_run_request alter column estate_id set not null;
create index ix_billing_run_request_estate on billing_run_request (estate_id);

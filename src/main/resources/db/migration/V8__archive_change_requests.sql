-- A change of owner's name (过户) or ID number waits for the manager's approval.
alter table archive_change add column owner_id bigint;
alter table archive_change add column status varchar(10) not null default 'APPLIED';
alter table archive_change add column requested_by varchar(64);

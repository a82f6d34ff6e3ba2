-- The visit agreed with the owner, kept on the case: shown on the case page, the work order and
-- the engineer's task.
alter table service_case add column appointment_at timestamp;

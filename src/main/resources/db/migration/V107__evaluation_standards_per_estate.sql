-- 考核标准 per estate: the rows so far are the company's standard (estate_id null), which an estate follows
-- until its manager changes an indicator; then the estate keeps a copy of its own, changed.
alter table evaluation_indicator add column estate_id bigint references estate (id);
alter table evaluation_indicator drop constraint uk_evaluation_indicator;
create unique index uk_evaluation_indicator on evaluation_indicator (estate_id, post, code);

-- Notices, surveys, activities, inspection routes, equipment and rounds, repair plans and evaluation sheets
-- belong to an estate of their own (they name no unit): staff see and act on their estate's only. The rows
-- from before are the oldest estate's.
alter table notice add column estate_id bigint references estate (id);
update notice set estate_id = (select min(id) from estate);
alter table notice alter column estate_id set not null;
create index ix_notice_estate on notice (estate_id);

alter table survey add column estate_id bigint references estate (id);
update survey set estate_id = (select min(id) from estate);
alter table survey alter column estate_id set not null;
create index ix_survey_estate on survey (estate_id);

alter table community_activity add column estate_id bigint references estate (id);
update community_activity set estate_id = (select min(id) from estate);
alter table community_activity alter column estate_id set not null;
create index ix_community_activity_estate on community_activity (estate_id);

alter table inspection_route add column estate_id bigint references estate (id);
update inspection_route set estate_id = (select min(id) from estate);
alter table inspection_route alter column estate_id set not null;
create index ix_inspection_route_estate on inspection_route (estate_id);

alter table inspection_round add column estate_id bigint references estate (id);
update inspection_round set estate_id = (select min(id) from estate);
alter table inspection_round alter column estate_id set not null;
create index ix_inspection_round_estate on inspection_round (estate_id);

alter table equipment add column estate_id bigint references estate (id);
update equipment set estate_id = (select min(id) from estate);
alter table equipment alter column estate_id set not null;
create index ix_equipment_estate on equipment (estate_id);

alter table repair_plan add column estate_id bigint references estate (id);
update repair_plan set estate_id = (select min(id) from estate);
alter table repair_plan alter column estate_id set not null;
create index ix_repair_plan_estate on repair_plan (estate_id);

alter table evaluation_sheet add column estate_id bigint references estate (id);
update evaluation_sheet set estate_id = (select min(id) from estate);
alter table evaluation_sheet alter column estate_id set not null;
create index ix_evaluation_sheet_estate on evaluation_sheet (estate_id);

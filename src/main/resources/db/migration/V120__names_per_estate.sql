-- Names unique in their estate, not across the estates: two estates may both have a 设备机房巡查 route and a
-- 消防泵组. The old unique constraint was declared inline, so H2 and PostgreSQL named it differently: the
-- column is made anew (dropping a column drops its constraint on both), under the old name.
alter table inspection_route add column route_name varchar(50);
update inspection_route set route_name = name;
alter table inspection_route drop column name;
alter table inspection_route rename column route_name to name;
alter table inspection_route alter column name set not null;
alter table inspection_route add constraint uk_inspection_route_name unique (estate_id, name);

alter table equipment add column equipment_name varchar(50);
update equipment set equipment_name = name;
alter table equipment drop column name;
alter table equipment rename column equipment_name to name;
alter table equipment alter column name set not null;
alter table equipment add constraint uk_equipment_name unique (estate_id, name);

-- An archive's number carries its estate's code (TXC-DA-3-2-1501-01), as two estates may number a unit
-- alike; the numbers already issued keep their form.
alter table owner_archive alter column archive_number set data type varchar(40);

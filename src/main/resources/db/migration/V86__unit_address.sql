-- What other modules may read of a unit in their own SQL (estate publishes it; see OwnsTables):
-- where it is and what it is, never who lives there.
create view unit_address as
select u.id as unit_id, u.number as unit_number, u.building_id, b.number as building_number, b.estate_id,
       u.entrance, u.floor, u.area_m2, u.type as unit_type, u.status as unit_status
  from unit u join building b on b.id = u.building_id;

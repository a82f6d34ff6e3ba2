-- What other modules may read of a parking space in their own SQL (estate publishes it; see
-- OwnsTables): where it is, its state, the unit that holds it and under which contract.
create view parking_space_state as
select s.id, s.estate_id, s.number, s.location, s.status, s.unit_id, s.contract_number
  from parking_space s;

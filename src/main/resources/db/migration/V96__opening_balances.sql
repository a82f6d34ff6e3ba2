-- Opening balances (期初余额) of an estate moving from another system: its arrears per fee item and
-- period are bills marked opening (期初欠费), its prepaid credit payments of method OPENING_BALANCE
-- (期初预存), both dated the day the balances were taken over; the ledger names them apart.

alter table bill add column opening boolean default false not null;

drop view ledger_entry;

create view ledger_entry as
    select b.unit_id, case when b.opening then 'OPENING_ARREARS' else 'BILL' end as entry_type, b.id as bill_id,
           cast(null as bigint) as payment_id, b.amount, b.issued_at as booked_at, b.issued_by as booked_by
      from bill b
    union all
    select p.unit_id, case when p.method = 'OPENING_BALANCE' then 'OPENING_CREDIT' else 'PAYMENT' end,
           cast(null as bigint), p.id, -p.amount, p.received_at, p.received_by
      from payment p
    union all
    select b.unit_id, 'BILL_REVERSAL', b.id, cast(null as bigint), -b.amount, r.reversed_at, r.reversed_by
      from reversal r join bill b on b.id = r.bill_id
    union all
    select p.unit_id, 'PAYMENT_REVERSAL', cast(null as bigint), p.id, p.amount, r.reversed_at, r.reversed_by
      from reversal r join payment p on p.id = r.payment_id
    union all
    select f.unit_id, 'REFUND', f.bill_id, f.payment_id, f.amount, f.refunded_at, f.refunded_by
      from refund f;

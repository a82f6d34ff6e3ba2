-- What other modules may read of reversed payments in their own SQL (fee publishes it; see
-- OwnsTables): which receipt, who took the money, when the payment was reversed.
create view reversed_receipt as
select p.receipt_number, p.received_by, r.reversed_at
  from reversal r join payment p on p.id = r.payment_id;

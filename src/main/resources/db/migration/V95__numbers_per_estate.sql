-- Numbers carry their estate's code (TXC-TS-20261207-0001), each estate's series its own row
-- (TXC-TS-20261207, TXC-SK2026). The series so far were the first estate's (天下城): they go on
-- under its code from where they stood. Numbers already issued keep their form.
update number_series set series = 'HD-' || substring(series from 3) where series like 'HD____';
update number_series set series = 'WXJH-' || substring(series from 5) where series like 'WXJH____';
update number_series set series = (select code from estate where id = (select min(id) from estate)) || '-' || series;

-- room for the code in the numbers that would not fit (a code has up to 6 characters)
alter table service_case alter column case_number set data type varchar(30);
alter table move_in alter column case_number set data type varchar(30);
alter table compensation alter column case_number set data type varchar(30);
alter table inspection_record alter column case_number set data type varchar(30);
alter table decoration alter column decoration_number set data type varchar(30);
alter table decoration_violation alter column complaint_case set data type varchar(30);
alter table release_pass alter column pass_number set data type varchar(30);
alter table parking_lease alter column lease_number set data type varchar(30);
alter table assistance_request alter column request_number set data type varchar(30);

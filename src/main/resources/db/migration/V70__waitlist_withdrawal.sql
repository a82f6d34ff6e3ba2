-- A waiting-list entry ends when its applicant leases a space or withdraws: when, by whom, why.
alter table parking_waitlist add column closed_at timestamp;
alter table parking_waitlist add column closed_by varchar(64);
alter table parking_waitlist add column closed_reason varchar(200);

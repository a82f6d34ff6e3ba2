-- Each estate's business hours (ranges HH:mm-HH:mm separated by 、): the service center's office hours and
-- the hours decoration work is allowed; the estate's time zone (time_zone, V92) is now read too
alter table estate add column office_hours varchar(100) default '08:30-17:30' not null;
alter table estate add column works_hours varchar(100) default '08:00-12:00、14:00-18:00' not null;

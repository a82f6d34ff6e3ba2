-- A notice or a survey created from a page or the API once per request, however often the form is sent.
alter table notice add column request_id varchar(64);
create unique index uk_notice_request on notice (request_id);
alter table survey add column request_id varchar(64);
create unique index uk_survey_request on survey (request_id);

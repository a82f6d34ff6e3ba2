-- An expense entered from the page or the API once per request, however often the form is sent.
alter table expense add column request_id varchar(64);
create unique index uk_expense_request on expense (request_id);

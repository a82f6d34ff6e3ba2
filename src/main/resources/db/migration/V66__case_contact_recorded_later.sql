-- A case registered from Tasklist's start form has no contact yet: the start form asks no name
-- (it would be a process variable, readable in the engine's history by every group). Reception
-- records the contact's name and phone on the case page.

alter table service_case alter column contact_name drop not null;

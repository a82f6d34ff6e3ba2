-- The gates an estate has set for itself (东门、西门…); none: the company's list (servicecenter.release.gates)
alter table estate add column gates varchar(200);

-- What an import brought: an estate's buildings and units (UNITS), or into an existing estate its
-- owners (OWNER), household members (RESIDENT), tenants (TENANT) or vehicles (VEHICLE).

alter table estate_import add column kind varchar(10) default 'UNITS' not null;

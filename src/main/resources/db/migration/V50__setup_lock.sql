-- One row that the setup done at every start (staff groups, authorizations, Tasklist filters,
-- demo data) locks for its transaction: nodes starting at the same moment on one database take
-- turns, and the second finds everything in place instead of inserting it again.

create table setup_lock (
    name varchar(30) primary key
);

insert into setup_lock (name) values ('setup');

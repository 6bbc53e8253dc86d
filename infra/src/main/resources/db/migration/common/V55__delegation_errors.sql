-- A failed delegation (the child's runner answered an error, or no answer came back in time) keeps its error code.
alter table composite_delegation add column error varchar(64);

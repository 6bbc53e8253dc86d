-- How a plan's results combine (list, concat, first_success), as its DELEGATED entries record it; null = list.
alter table composite_delegation add column aggregate varchar(16);

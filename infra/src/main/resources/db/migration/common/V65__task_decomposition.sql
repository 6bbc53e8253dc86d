-- Decomposition (docs/tasks.md): a subtask names its parent; a decomposed parent lists its subtasks in order
-- (comma-separated task ids), and is left out of committed budgets (its subtasks carry its budget).
alter table task_view add column parent_id varchar(64);
alter table task_view add column subtasks text;

-- Stored replies are kept for vacant.lanes.reply-retention (docs/tuples.md) and then deleted by age.
-- Portable SQL: identical on PostgreSQL and H2.
create index tuple_op_applied_idx on tuple_op (applied_at);

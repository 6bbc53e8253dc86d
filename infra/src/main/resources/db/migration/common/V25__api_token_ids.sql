-- API tokens get a public id (to list and revoke them without their secret) and an optional label.
-- Tokens issued before get an id derived from their hash.
alter table api_token add column id varchar(40);
alter table api_token add column label varchar(200);
update api_token set id = 'tok_' || substr(token_hash, 1, 16);
alter table api_token alter column id set not null;
create unique index api_token_id_idx on api_token (id);

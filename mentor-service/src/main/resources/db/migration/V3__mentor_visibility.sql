-- Who may see a mentor (the Manager's mentor_visibility, from its settings); null while unknown.
alter table mentor add column visibility varchar(64);

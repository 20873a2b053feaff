-- Mentors, as the Manager answered them (its Mentor schema), keyed by the Manager's id.
-- requested_slug is the slug the creator asked for; the Manager derives its own from the name,
-- so both are kept and lookups match either.
create table mentor (
  id             bigint primary key,
  tenant         varchar(255) not null,
  slug           varchar(255),
  name           varchar(255),
  unique_id      varchar(64),
  requested_slug varchar(255),
  allow_anonymous boolean not null default false,
  body           text not null,
  synced_at      timestamp with time zone not null
);
create index mentor_tenant_slug on mentor (tenant, slug);
create index mentor_tenant_requested_slug on mentor (tenant, requested_slug);
create index mentor_tenant_name on mentor (tenant, name);

-- A mentor's settings, as the Manager answered them (MentorSettingsPublic), one row per mentor.
create table mentor_settings (
  mentor_id bigint primary key,
  tenant    varchar(255) not null,
  body      text not null,
  synced_at timestamp with time zone not null
);

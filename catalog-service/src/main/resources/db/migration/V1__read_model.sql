-- The read-model bookkeeping every service has (see common's SyncMark).
create table sync_mark (
  scope     varchar(512) primary key,
  synced_at timestamp with time zone not null
);

-- Roles, as the Manager answered them.
create table role (
  id        bigint primary key,
  tenant    varchar(255) not null,
  name      varchar(255),
  slug      varchar(255),
  body      text not null,
  synced_at timestamp with time zone not null
);
create index role_tenant_slug on role (tenant, slug);
create index role_tenant_name on role (tenant, name);

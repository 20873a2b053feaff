-- Issuers, credential definitions and assertions as the Manager answered them (body), with what
-- callers sent that the Manager's API has no field for (details: JSON text, ours to keep).
-- Portable on PostgreSQL and H2: no expression, partial or trigram indexes.
create table issuer (
  entity_id varchar(255) primary key,
  tenant    varchar(255) not null,
  org       varchar(255),
  name      varchar(1000),
  body      text not null,
  details   text,
  synced_at timestamp with time zone not null
);
create index issuer_tenant_name on issuer (tenant, name);
create index issuer_org on issuer (org);

create table credential (
  entity_id varchar(255) primary key,
  tenant    varchar(255) not null,
  issuer    varchar(255),
  name      varchar(1000),
  body      text not null,
  details   text,
  synced_at timestamp with time zone not null
);
create index credential_tenant_name on credential (tenant, name, entity_id);

-- Search and filter terms of a credential: every prefix of each word of its name and description
-- (w:...), each course (c:...) and program (p:...). Equality on (tenant, term) is what both
-- databases index, so search and filters never scan the credentials.
create table credential_term (
  entity_id varchar(255) not null,
  tenant    varchar(255) not null,
  term      varchar(300) not null,
  primary key (entity_id, term)
);
create index credential_term_lookup on credential_term (tenant, term, entity_id);

create table assertion (
  entity_id          varchar(255) primary key,
  tenant             varchar(255) not null,
  credential_id      varchar(255) not null,
  recipient_identity varchar(255),
  recipient_email    varchar(320),
  revoked            boolean not null,
  issued_on          varchar(64),
  body               text not null,
  synced_at          timestamp with time zone not null
);
create index assertion_by_credential on assertion (tenant, credential_id, recipient_identity);
create index assertion_by_recipient on assertion (tenant, recipient_identity);

-- Answers of bulk issues sent with an Idempotency-Key: a retried batch gets the same answer.
create table bulk_issue (
  tenant        varchar(255) not null,
  credential_id varchar(255) not null,
  idem_key      varchar(255) not null,
  request_hash  varchar(64) not null,
  answer        text not null,
  created_at    timestamp with time zone not null,
  primary key (tenant, credential_id, idem_key)
);

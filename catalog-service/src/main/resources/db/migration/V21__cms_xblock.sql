-- XBlock details as the CMS answered them (get-details), keyed by usage key; tenant = the key's org.
create table cms_xblock (
  locator        varchar(512) primary key,
  tenant         varchar(255) not null,
  course_key     varchar(255) not null,
  category       varchar(255),
  display_name   text,
  parent_locator varchar(512),
  body           text not null,
  synced_at      timestamp with time zone not null
);
create index cms_xblock_course on cms_xblock (course_key);

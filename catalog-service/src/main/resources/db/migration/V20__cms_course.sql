-- Courses as the CMS answered them, keyed by course key (course-v1:ORG+NUMBER+RUN); tenant = the key's org.
create table cms_course (
  course_key   varchar(255) primary key,
  tenant       varchar(255) not null,
  display_name text,
  body         text not null,
  synced_at    timestamp with time zone not null
);
create index cms_course_tenant on cms_course (tenant);

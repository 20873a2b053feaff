-- The read-model bookkeeping every service has (see common's SyncMark).
create table sync_mark (
  scope     varchar(512) primary key,
  synced_at timestamp with time zone not null
);

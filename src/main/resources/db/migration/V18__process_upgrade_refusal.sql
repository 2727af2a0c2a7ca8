-- Issue 19: running agreements and cycles move to the newest process version at start. An instance the engine
-- refuses to move stays on its version and is listed here, with the reason, until a later run moves it or it ends,
-- so that the overview and the health report can show it. Runs before the process migration (Flyway migrates while
-- the application context starts; the process migration runs once it has started).
create table process_upgrade_refusal (
  process_instance_id varchar(64) primary key,
  process_key varchar(255) not null,
  -- the process's name in its model, shortened to what comes before a colon ('Årscykel')
  process_name varchar(255),
  from_version integer not null,
  to_version integer not null,
  tenant_id varchar(64),
  business_key varchar(255),
  -- the cycle's year, or the agreement's first year
  cycle_year integer,
  reason varchar(4000) not null,
  refused_at timestamp not null
);
create index process_upgrade_refusal_tenant_idx on process_upgrade_refusal (tenant_id);

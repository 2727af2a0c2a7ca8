-- Official statistics for the situation picture (issue 17): figures fetched from Kolada by a refresh outside any
-- task, kept for the municipality, its county and the whole country, and offered as rows of the police's situation
-- picture. A row typed or kept by a coordinator remembers where its figure came from.

-- Where a municipality is found in Kolada: its four-digit municipality id and its county's ("0013" for Halland).
create table statistics_area (
  tenant_id         varchar(64)  primary key,
  municipality_code varchar(4)   not null,
  county_code       varchar(4)   not null,
  resolved_at       timestamp    not null
);

-- One figure: a KPI for one area (municipality, county or "0000", the country) and one year. A value Kolada has no
-- figure for is kept as null, never as 0.
create table official_statistic (
  area_code    varchar(4)     not null,
  kpi_id       varchar(16)    not null,
  period       integer        not null,
  figure       numeric(14, 2),
  retrieved_at timestamp      not null,
  primary key (area_code, kpi_id, period)
);

-- The last refresh of a municipality's figures, for the task's note and the health detail.
create table statistics_refresh (
  tenant_id    varchar(64)   primary key,
  attempted_at timestamp     not null,
  succeeded_at timestamp,
  outcome      varchar(16)   not null,
  message      varchar(1000)
);

alter table situation_entry add column kpi_id varchar(16);
alter table situation_entry add column period integer;
alter table situation_entry add column retrieved_on date;

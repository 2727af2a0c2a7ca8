-- The citizen promises on the municipality's public page (issue 16): each signed year is published when the
-- coordinators confirm it at the signing, and can be withdrawn; a municipality can turn its public page off.
create table promise_publication (
  agreement_id varchar(36)  not null references agreement (id),
  cycle_year   integer      not null,
  signed_on    date         not null,
  published    boolean      not null,
  recorded_by  varchar(64)  not null,
  recorded_at  timestamp    not null,
  withdrawn_at timestamp,
  withdrawn_by varchar(64),
  primary key (agreement_id, cycle_year)
);

create table public_page (
  tenant_id  varchar(64) primary key,
  enabled    boolean     not null,
  changed_by varchar(64) not null,
  changed_at timestamp   not null
);

-- Each meeting the product summons people to, so that a moved meeting keeps its calendar UID with a higher
-- SEQUENCE and a cancelled one can be withdrawn from the calendars it was sent to (RFC 5546).
-- "about" says which meeting of the agreement it is: STEERING_DECISION:2027, STEERING_HALF_YEAR:2027,
-- COUNCIL:2027-03; "round" counts meetings about the same thing (a plan returned and decided at a second meeting).
create table meeting (
  uid                 varchar(64)   primary key,
  agreement_id        varchar(36)   not null references agreement (id),
  tenant_id           varchar(64)   not null,
  about               varchar(64)   not null,
  round               integer       not null,
  process_instance_id varchar(64),
  meeting_date        date          not null,
  meeting_time        varchar(5)    not null,
  place               varchar(200)  not null,
  matter              varchar(1000) not null,
  sequence            integer       not null,
  status              varchar(16)   not null,
  updated_at          timestamp     not null,
  unique (agreement_id, about, round)
);
create index meeting_upcoming_idx on meeting (status, meeting_date);

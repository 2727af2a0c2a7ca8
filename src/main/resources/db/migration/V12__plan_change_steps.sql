-- Plan changes as steps of the cycle (issue 15): an agreement may let the coordinators decide small changes
-- (new dates, a new owner, new indicators or interval) themselves; off unless the agreement says so. Each change
-- keeps who decided it: the steering group or the coordinators.
alter table agreement add column small_changes_by_coordinators boolean default false not null;
alter table plan_change add column deciders varchar(16) default 'STEERING_GROUP' not null;

-- A change may add a citizen promise or give one a new measurable target. An added promise is counted from the day
-- the change was approved, not from the start of the year (null: the whole year, as signed).
alter table citizen_promise add column valid_from date;
alter table plan_change_row add column promise_id bigint;
alter table plan_change_row add column promise_target varchar(200);

-- Issue 15: an approved change to the plan can stop an activity during the year. The row is kept (the year's
-- report still lists it); from stopped_on on its status is "Stoppad", never "Försenad". The reason is a comment-like
-- text: 4,000 characters, as the other comments (statusComment, decisionComment) and the most the engine's string
-- variable stopReason holds (RunningYearFollowsPlan.STOP_REASON_MAX).
alter table activity add column stopped_on date;
alter table activity add column stop_reason varchar(4000);
alter table activity add constraint activity_stop_whole
  check ((stopped_on is null and stop_reason is null) or (stopped_on is not null and stop_reason is not null));

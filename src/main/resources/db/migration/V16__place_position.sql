-- Places on a map (issue 17): where a place or hot spot is, in WGS 84 degrees (as a map and GPS give them), typed
-- or picked by the coordinator. Both or neither.
alter table place add column latitude numeric(9, 6);
alter table place add column longitude numeric(9, 6);

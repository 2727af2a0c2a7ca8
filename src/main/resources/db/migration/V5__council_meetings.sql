-- The local crime-prevention council meets monthly; its chair follows the steering group's.
alter table agreement add column council_day_of_month integer;
alter table agreement add column council_time varchar(5);
alter table agreement add column council_place varchar(200);

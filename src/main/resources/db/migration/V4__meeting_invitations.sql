-- An invitation to a steering-group meeting carries its iCalendar (.ics) file.
alter table mail_outbox add column attachment_ics varchar(10000);

-- The signed promise document (issue 16): the XHTML of the promises as they were signed, kept with the signing so
-- that the document stays what the parties signed when the plan changes later in the year. The PDF is printed from
-- it when asked for. Years signed before this migration have none; their document is made from the plan.
alter table promise_publication add column document_html text;

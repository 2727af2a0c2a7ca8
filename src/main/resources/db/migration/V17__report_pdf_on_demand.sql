-- Issue 18: the yearly report's PDF is no longer printed inside the task that archives a version (a completion or the
-- timer job that drafts it). The version's XHTML is archived as before; the PDF is printed the first time someone
-- asks for it and kept, so a version is printed at most once. Versions archived before keep their PDF.
alter table yearly_report alter column pdf drop not null;

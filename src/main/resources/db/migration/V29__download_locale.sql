-- download: the language of the page the download was made from, for the follow-up mail.
alter table manual_download add column locale varchar(16);

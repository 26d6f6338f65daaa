-- notification: the dispatcher claims due mail a batch at a time; the token tells which of the batch's
-- mails this node's claim won (read back by primary key, so no index of its own).
alter table mail_outbox add column claim_token varchar(36);

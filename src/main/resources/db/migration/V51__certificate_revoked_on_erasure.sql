-- certification: a certificate revoked because its holder asked to be erased is not a judgement on
-- the enterprise, so the "certified enterprises" metric keeps counting it until its valid_until.
-- Only certificates that were VALID at the erasure get the flag (one revoked earlier for a real reason
-- does not come back into the count). Certificates erased before this migration are not flagged: the
-- database does not say whether they were still valid then.
alter table certificate add column revoked_on_erasure boolean not null default false;

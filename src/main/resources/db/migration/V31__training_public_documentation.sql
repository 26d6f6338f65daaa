-- training: consent to public in-process documentation, per application. With it, the evidence links
-- and notes of the trainee's signed-off milestones appear on /enterprises/{slug}/documentation under
-- a pseudonymous label (never a name or email). Shown while consent_public_documentation_at is set and
-- public_documentation_withdrawn_at is null; withdrawal records its time and hides them at once.
-- Personal data: both times (export, cleared on erasure).
alter table training_application add column consent_public_documentation_at timestamp with time zone;
alter table training_application add column public_documentation_withdrawn_at timestamp with time zone;
create index training_application_enterprise on training_application (enterprise_slug, status);

-- training: the mentors' review queue lists the oldest submitted applications and counts them
-- (/mentor/trainees); without this index each page view read every application (bench/run, 100k).
create index training_application_status on training_application (status, submitted_at);

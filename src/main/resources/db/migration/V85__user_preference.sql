-- identity: the language a logged-in person chose on the portal, used for their mail.
-- Keyed by Camunda user id (never a name); one row per person.
create table user_preference (
    user_id    varchar(64) primary key,
    locale     varchar(16) not null,
    updated_at timestamp with time zone not null
);

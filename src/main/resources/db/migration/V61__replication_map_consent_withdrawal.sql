-- replication: consent to the public map keeps when it was given and when it was withdrawn, like the
-- training module's consent to public documentation. consent_map is the switch the map reads;
-- consent_map_at is when the consent now or last in force was given; map_consent_withdrawn_at is when
-- the owner (or an erasure) withdrew it, null while it holds. Giving it again sets a new
-- consent_map_at and clears the withdrawal.
alter table replicated_enterprise add column map_consent_withdrawn_at timestamp with time zone;
-- The newest withdrawal is the map's cross-node "something left the map" marker: max() over this index.
create index replicated_enterprise_map_withdrawn on replicated_enterprise (map_consent_withdrawn_at);

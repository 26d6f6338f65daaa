-- download: when a downloader's consent to show their town on the public map ended: the unsubscribe
-- link, an erasure or the retention purge (which also clears the town). Null while it holds. The map
-- reads towns where consent_map_at is set and this is null.
alter table manual_download add column map_consent_ended_at timestamp with time zone;
-- The map's cache compares max(consent_map_at) and max(map_consent_ended_at) on every request, so a
-- consent given or ended on any node shows on every node's map at once: both are index lookups.
create index manual_download_consent_map on manual_download (consent_map_at);
create index manual_download_map_consent_ended on manual_download (map_consent_ended_at);

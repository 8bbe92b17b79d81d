-- Request and token buckets shared by every gateway instance on this database (Bucket4j's
-- select-for-update proxy manager). id: kind and SHA-256 of the owner, never a raw principal;
-- state: Bucket4j's serialised bucket; expires_at: epoch millis after which an idle row may go.
CREATE TABLE quota_bucket (
    id         VARCHAR(80) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

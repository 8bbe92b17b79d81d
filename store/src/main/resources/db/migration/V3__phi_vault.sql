-- The PHI vault (ADR 0009): one row per pseudonym scope. The scope's PhiMap is only ever stored as ciphertext,
-- sealed with Tink AEAD (AES-256-GCM) under the scope (tenant, kind, id_hash) as associated data, so a row copied
-- into another scope does not decrypt. id_hash is already a SHA-256 of the tenant and the patient or conversation id.
-- revision is a random stamp drawn on every write: writers update only the revision they read (optimistic
-- concurrency across gateway instances). key_id names the Tink key that sealed the row, for rewrap after rotation.
CREATE TABLE phi_vault (
    tenant       VARCHAR(128)             NOT NULL,
    kind         VARCHAR(32)              NOT NULL,
    id_hash      VARCHAR(128)             NOT NULL,
    revision     BIGINT                   NOT NULL,
    key_id       BIGINT                   NOT NULL,
    ciphertext   BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT phi_vault_pk PRIMARY KEY (tenant, kind, id_hash)
);

-- Retention: vault purge deletes by last use.
CREATE INDEX phi_vault_last_used ON phi_vault (last_used_at);
-- Rewrap: rows not sealed by the primary key.
CREATE INDEX phi_vault_key_id ON phi_vault (key_id);

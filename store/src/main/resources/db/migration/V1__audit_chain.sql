-- The tamper-evident audit log (ADR 0008). Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
-- audit_record is append-only: the gateway only ever inserts into it. Each row's record_hash is SHA-256 over
-- its other columns and prev_hash, so any change, deletion, insertion or reordering breaks the chain.
CREATE TABLE audit_record (
    seq               BIGINT        NOT NULL PRIMARY KEY,
    recorded_micros   BIGINT        NOT NULL,
    tenant            VARCHAR(128)  NOT NULL,
    principal         VARCHAR(256)  NOT NULL,
    principal_role    VARCHAR(64)   NOT NULL,
    endpoint          VARCHAR(256)  NOT NULL,
    model             VARCHAR(256),
    task              VARCHAR(128),
    outcome           VARCHAR(16)   NOT NULL,
    http_status       INTEGER       NOT NULL,
    error_code        VARCHAR(16),
    prompt_tokens     INTEGER       NOT NULL,
    completion_tokens INTEGER       NOT NULL,
    latency_micros    BIGINT        NOT NULL,
    rail_flags        VARCHAR(4000) NOT NULL,
    prompt_digest     CHAR(64),
    response_digest   CHAR(64),
    prompt_text       TEXT,
    response_text     TEXT,
    prev_hash         CHAR(64)      NOT NULL,
    record_hash       CHAR(64)      NOT NULL
);

-- Signed seals over the chain every N records; each names the checkpoint before it.
CREATE TABLE audit_checkpoint (
    seq                 BIGINT      NOT NULL PRIMARY KEY,
    chain_hash          CHAR(64)    NOT NULL,
    prev_checkpoint_seq BIGINT      NOT NULL,
    created_micros      BIGINT      NOT NULL,
    key_id              VARCHAR(16) NOT NULL,
    signature           CHAR(64)    NOT NULL
);

-- One row: the end of the chain. Appenders lock it (SELECT ... FOR UPDATE), which keeps one linear chain
-- across threads and gateway instances; its HMAC seal exposes a truncated or extended tail.
CREATE TABLE audit_head (
    id             INTEGER     NOT NULL PRIMARY KEY,
    seq            BIGINT      NOT NULL,
    record_hash    CHAR(64)    NOT NULL,
    checkpoint_seq BIGINT      NOT NULL,
    key_id         VARCHAR(16) NOT NULL,
    seal           VARCHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, record_hash, checkpoint_seq, key_id, seal)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, '', '');

-- Task outputs awaiting a clinician's review. Text columns hold de-identified text only (pseudonyms);
-- re-linking happens through the vault when a reviewer of the same tenant views a draft.
CREATE TABLE draft (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant         VARCHAR(128) NOT NULL,
    scope_kind     VARCHAR(16),
    scope_hash     CHAR(64),
    task           VARCHAR(64)  NOT NULL,
    model          VARCHAR(256),
    prompt_version VARCHAR(64),
    sources        TEXT         NOT NULL,
    flags          TEXT         NOT NULL,
    original_text  TEXT         NOT NULL,
    current_text   TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    reviewer       VARCHAR(256),
    reviewed_at    TIMESTAMP,
    reject_reason  TEXT
);
CREATE INDEX draft_queue ON draft (tenant, status, created_at);

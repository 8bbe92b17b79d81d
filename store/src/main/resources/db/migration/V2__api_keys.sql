-- API keys: only a SHA-256 of each key and an 8-character lookup prefix are stored.
CREATE TABLE api_key (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(128) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    prefix      VARCHAR(8)   NOT NULL,
    hash        CHAR(64)     NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    revoked_at  TIMESTAMP,
    CONSTRAINT api_key_prefix UNIQUE (prefix)
);

-- The model and adapter registry (ADR 0018): base models and LoRA adapters with their model card, risk assessment,
-- approval state and the eval metrics the state rests on. Operator text only, never patient text. Rows are never
-- deleted: a retired entry stays with its metrics. Each change names the version it was based on.
CREATE TABLE model_registry (
    name          VARCHAR(128)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)   NOT NULL,
    base_model    VARCHAR(256)  NOT NULL,
    location      VARCHAR(1024) NOT NULL,
    intended_use  TEXT          NOT NULL,
    limitations   TEXT          NOT NULL,
    evaluation    TEXT          NOT NULL,
    risk_level    VARCHAR(16)   NOT NULL,
    risk_notes    TEXT          NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    metrics       TEXT          NOT NULL,
    eval_source   VARCHAR(1024),
    state_by      VARCHAR(256),
    state_at      TIMESTAMP,
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);

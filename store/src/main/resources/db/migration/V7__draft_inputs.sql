-- The de-identified input a task's model was given for each draft (ADR 0019), so that signed drafts can become
-- fine-tuning examples. Pseudonymised text only, like the draft itself.
CREATE TABLE draft_input (
    draft_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant      VARCHAR(128) NOT NULL,
    input_text  TEXT         NOT NULL
);

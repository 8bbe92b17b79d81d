package org.clinigate.core.tuning;

import java.util.Optional;

/**
 * Port: the de-identified input a task's model was given for a draft (the note, the question, the study's text),
 * kept so that a signed draft can become a fine-tuning example: input as the user turn, the reviewer's final text
 * as the target. Text is de-identified (pseudonyms), as in the draft itself. A draft of another tenant is absent.
 *
 * <p><b>Failure.</b> {@code CG-4002} when an input cannot be stored, {@code CG-4001} when the database is away.
 * Thread safe.
 */
public interface DraftInputs {

    /** Keeps nothing and finds nothing: for wiring without a database. */
    DraftInputs NONE = new DraftInputs() {
        @Override
        public void put(String tenant, String draftId, String deidentifiedInput) {
        }

        @Override
        public Optional<String> get(String tenant, String draftId) {
            return Optional.empty();
        }
    };

    /** Keeps the input of a draft just created. */
    void put(String tenant, String draftId, String deidentifiedInput);

    /** The input of this draft, if it was kept. */
    Optional<String> get(String tenant, String draftId);
}

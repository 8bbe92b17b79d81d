package org.clinigate.core.drafts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One task output awaiting, or past, a clinician's review. Text fields hold de-identified text (pseudonyms), which
 * is re-linked through the vault only when a reviewer of the same tenant views it: no PHI rests in a draft.
 *
 * @param id a random UUID
 * @param tenant the tenant that owns it; no other tenant can read it
 * @param scopeKind the pseudonym scope's kind (patient or conversation), or null
 * @param scopeHash the pseudonym scope's id hash, or null
 * @param task the task that wrote it, for example {@code note-summary}
 * @param model the model or adapter that wrote it
 * @param promptVersion the version of the task's prompt template
 * @param sources ids of the guideline passages it was grounded on
 * @param flags the rails' flags, as rule ids
 * @param originalText what the model wrote (de-identified)
 * @param text the current text: the original, or the reviewer's edit (de-identified)
 * @param status preliminary, final or rejected
 * @param version increases with every change; a change names the version it was based on
 * @param created when the draft was stored
 * @param reviewer who last edited, signed or rejected it (a principal id), or null
 * @param reviewed when that happened, or null
 * @param rejectReason why it was rejected, or null
 */
public record Draft(String id, String tenant, String scopeKind, String scopeHash, String task, String model,
        String promptVersion, List<String> sources, List<String> flags, String originalText, String text,
        DraftStatus status, long version, Instant created, String reviewer, Instant reviewed, String rejectReason) {

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(originalText, "originalText");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        sources = sources == null ? List.of() : List.copyOf(sources);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Whether the reviewer changed the model's text. */
    public boolean edited() {
        return !originalText.equals(text);
    }

    @Override
    public String toString() {
        // Lengths only: even de-identified text stays out of logs.
        return "Draft[id=" + id + ", tenant=" + tenant + ", task=" + task + ", status=" + status + ", version="
                + version + ", text=" + text.length() + " chars]";
    }
}

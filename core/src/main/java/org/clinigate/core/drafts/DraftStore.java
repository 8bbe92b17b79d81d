package org.clinigate.core.drafts;

import java.util.List;
import java.util.Optional;

/**
 * Port: drafts and their review. Every call names the tenant, and a draft of another tenant is "not found", never
 * "forbidden", so its existence does not leak.
 *
 * <p><b>Concurrency.</b> Changes are optimistic: each names the version it was based on, and a draft changed since
 * then refuses the change with {@code CG-6102} (HTTP 409), so two reviewers never overwrite each other. Only a
 * preliminary draft can be edited, signed or rejected; signing twice, or signing a rejected draft, is
 * {@code CG-6102} too. Nothing is ever deleted: the original text, the final text, the signer and the time stay.
 *
 * <p><b>Failure.</b> {@code CG-6101} (404) for an unknown draft; {@code CG-4001} when the database is away.
 */
public interface DraftStore {

    /** Stores a new preliminary draft and returns it with its id and version 1. */
    Draft create(NewDraft draft);

    /** The draft, if it exists in this tenant. */
    Optional<Draft> get(String tenant, String id);

    /** Up to {@code limit} drafts of the tenant with this status (any status when null), newest first. */
    List<Draft> list(String tenant, DraftStatus status, int limit);

    /** Replaces the text (de-identified) of a preliminary draft. */
    Draft edit(String tenant, String id, long expectedVersion, String newText, String reviewer);

    /** Signs a preliminary draft: it becomes final. */
    Draft sign(String tenant, String id, long expectedVersion, String reviewer);

    /** Rejects a preliminary draft with a reason. */
    Draft reject(String tenant, String id, long expectedVersion, String reviewer, String reason);

    /** What a task hands over to become a draft. */
    record NewDraft(String tenant, String scopeKind, String scopeHash, String task, String model,
            String promptVersion, List<String> sources, List<String> flags, String text) {
    }
}

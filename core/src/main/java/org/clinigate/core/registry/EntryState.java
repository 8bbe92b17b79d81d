package org.clinigate.core.registry;

/**
 * Where a registry entry stands in its approval: {@code DRAFT -> EVALUATED -> APPROVED -> RETIRED}. Only an approved
 * adapter serves requests. A new evaluation of an approved entry takes it back to evaluated (its approval was for
 * the old results); a retired entry never changes again.
 */
public enum EntryState {
    DRAFT, EVALUATED, APPROVED, RETIRED;

    /** The lower-case form used on the command line, in the database and in the audit log. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

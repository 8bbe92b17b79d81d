package org.clinigate.knowledge.terminology.labs;

import java.util.Objects;
import java.util.Set;

/**
 * A lab that a rule asks for, as any of several LOINC codes (for example HbA1c by any method).
 *
 * @param id the rule file's key, for example {@code hba1c}
 * @param name a readable name
 * @param loinc the LOINC codes any of which satisfies the rule
 * @param aliases lower-case names a note may use for it ({@code a1c}), for {@link NoteLists}
 */
public record LabGroup(String id, String name, Set<String> loinc, Set<String> aliases) {

    public LabGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        loinc = Set.copyOf(loinc);
        aliases = Set.copyOf(aliases);
    }
}

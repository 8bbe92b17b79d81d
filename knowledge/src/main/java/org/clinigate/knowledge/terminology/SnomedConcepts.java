package org.clinigate.knowledge.terminology;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Active SNOMED CT concepts with their terms and the active is-a (116680003) hierarchy, as read from RF2 snapshot
 * files by {@link SnomedImporter}. SNOMED CT is licensed: the project ships no SNOMED CT content, and a site loads
 * its own release. Immutable and thread safe.
 */
public final class SnomedConcepts {

    /** The is-a relationship type. */
    public static final String IS_A = "116680003";

    private final Map<String, String> terms;
    private final Map<String, List<String>> parents;

    SnomedConcepts(Map<String, String> terms, Map<String, List<String>> parents) {
        this.terms = Collections.unmodifiableMap(terms);
        this.parents = Collections.unmodifiableMap(parents);
    }

    /** The number of concepts with an active term. */
    public int size() {
        return terms.size();
    }

    /** The concept's preferred term: its fully specified name without the semantic tag, else a synonym. */
    public Optional<String> term(String conceptId) {
        return Optional.ofNullable(terms.get(conceptId));
    }

    /** The concept's direct is-a parents. */
    public List<String> parents(String conceptId) {
        return parents.getOrDefault(conceptId, List.of());
    }

    /** True when {@code conceptId} is {@code ancestorId} or one of its descendants through active is-a links. */
    public boolean isA(String conceptId, String ancestorId) {
        if (conceptId.equals(ancestorId)) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(parents(conceptId));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (c.equals(ancestorId)) {
                return true;
            }
            if (seen.add(c)) {
                todo.addAll(parents(c));
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SnomedConcepts[" + terms.size() + " concepts]";
    }
}

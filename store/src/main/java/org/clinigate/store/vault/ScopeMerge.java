package org.clinigate.store.vault;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;

/**
 * Folds the entries one instance added into the version of a scope that another instance stored first. The stored
 * version wins every clash: an entry of ours whose original already has a pseudonym there, or whose pseudonym stands
 * for another original there, is dropped. Dropping is safe: the request that made it has already been answered
 * (re-linked with its own map), and later turns de-identify the original values again against the stored map. The
 * result never maps one pseudonym to two originals.
 */
final class ScopeMerge {

    private record Slot(PhiCategory category, String original) {
    }

    private ScopeMerge() {
    }

    /** {@code mine} itself when it already holds everything stored, else a new map: stored plus our free entries. */
    static PhiMap merge(String scopeId, PhiMap stored, PhiMap mine) {
        if (stored == mine) {
            return mine;
        }
        List<PhiMap.Entry> theirs = stored.entries();
        if (stored.dateShiftDays() == mine.dateShiftDays() && new HashSet<>(mine.entries()).containsAll(theirs)) {
            stored.counters().forEach(mine::restoreCounter);
            return mine;
        }
        PhiMap merged = new PhiMap(scopeId, stored.dateShiftDays());
        Set<Slot> taken = new HashSet<>();
        for (PhiMap.Entry e : theirs) {
            merged.restore(e);
            taken.add(new Slot(e.category(), e.original()));
        }
        for (PhiMap.Entry e : mine.entries()) {
            if (!taken.contains(new Slot(e.category(), e.original())) && !merged.isReplacement(e.replacement())) {
                merged.restore(e);
            }
        }
        for (Map<PhiCategory, Integer> counters : List.of(stored.counters(), mine.counters())) {
            counters.forEach(merged::restoreCounter);
        }
        return merged;
    }
}

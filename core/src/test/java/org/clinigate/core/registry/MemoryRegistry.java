package org.clinigate.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** A registry in memory, for the rules' tests. */
final class MemoryRegistry implements ModelRegistry {

    final Map<String, RegistryEntry> entries = new TreeMap<>();

    @Override
    public synchronized RegistryEntry register(NewEntry n) {
        if (entries.containsKey(n.name())) {
            throw new ClinigateException(ErrorCode.CG_7107, "taken");
        }
        RegistryEntry e = new RegistryEntry(n.name(), n.kind(), n.baseModel(), n.location(), n.card(), n.risk(),
                EntryState.DRAFT, Map.of(), null, null, null, 1, Instant.now());
        entries.put(n.name(), e);
        return e;
    }

    @Override
    public synchronized Optional<RegistryEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public synchronized List<RegistryEntry> list() {
        return new ArrayList<>(entries.values());
    }

    @Override
    public synchronized RegistryEntry change(String name, long expectedVersion, EntryState to,
            Map<String, Double> metrics, String evalSource, String by) {
        RegistryEntry e = entries.get(name);
        if (e == null || e.version() != expectedVersion) {
            throw new ClinigateException(ErrorCode.CG_7103, "changed");
        }
        RegistryEntry c = new RegistryEntry(e.name(), e.kind(), e.baseModel(), e.location(), e.card(), e.risk(), to,
                metrics == null ? e.metrics() : metrics, metrics == null ? e.evalSource() : evalSource, by,
                Instant.now(), e.version() + 1, e.created());
        entries.put(name, c);
        return c;
    }
}

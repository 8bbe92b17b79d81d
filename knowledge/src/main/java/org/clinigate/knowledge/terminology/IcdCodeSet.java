package org.clinigate.knowledge.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable ICD-10-CM release: codes in tabular order, looked up by code with or without the dot. Thread safe.
 */
public final class IcdCodeSet {

    private final String release;
    private final Map<String, IcdCode> byCode;

    private IcdCodeSet(String release, Map<String, IcdCode> byCode) {
        this.release = release;
        this.byCode = byCode;
    }

    /**
     * A code set of {@code codes} in their order. When a code occurs twice the first occurrence is kept, so a caller
     * that merges an order file with a codes file keeps the order file's billable flags.
     *
     * @param release a label for logs and reports, for example the source file name
     */
    public static IcdCodeSet of(String release, Collection<IcdCode> codes) {
        Objects.requireNonNull(release, "release");
        Map<String, IcdCode> map = new LinkedHashMap<>();
        for (IcdCode code : codes) {
            map.putIfAbsent(code.code(), code);
        }
        return new IcdCodeSet(release, Collections.unmodifiableMap(map));
    }

    /** The label given when the set was built. */
    public String release() {
        return release;
    }

    /** The code written with or without its dot, if this release has it. */
    public Optional<IcdCode> get(String code) {
        return Optional.ofNullable(byCode.get(IcdCode.canonical(code)));
    }

    /** All codes, in the order they were read. */
    public List<IcdCode> codes() {
        return List.copyOf(byCode.values());
    }

    /** The number of codes, billable or not. */
    public int size() {
        return byCode.size();
    }

    /** The number of billable codes. */
    public int billableCount() {
        int n = 0;
        for (IcdCode c : byCode.values()) {
            if (c.billable()) {
                n++;
            }
        }
        return n;
    }

    /** This set and {@code other}'s codes that this set lacks. */
    public IcdCodeSet merge(IcdCodeSet other) {
        List<IcdCode> all = new ArrayList<>(byCode.values());
        all.addAll(other.byCode.values());
        return of(release + "+" + other.release, all);
    }

    @Override
    public String toString() {
        return "IcdCodeSet[" + release + ", " + byCode.size() + " codes]";
    }
}

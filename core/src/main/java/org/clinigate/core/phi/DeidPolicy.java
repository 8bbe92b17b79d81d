package org.clinigate.core.phi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link Mode} applies to each category in one run: a default, with per-category overrides.
 *
 * <p>Text form (command line and configuration): {@code pseudonym} or
 * {@code tag,DATE=surrogate,AGE=surrogate}. Immutable and thread safe.
 */
public record DeidPolicy(Mode defaultMode, Map<PhiCategory, Mode> overrides) {

    public DeidPolicy {
        Objects.requireNonNull(defaultMode, "defaultMode");
        overrides = overrides.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(overrides));
    }

    public static DeidPolicy of(Mode mode) {
        return new DeidPolicy(mode, Map.of());
    }

    public Mode modeFor(PhiCategory category) {
        return overrides.getOrDefault(category, defaultMode);
    }

    /** True when any category is transformed reversibly, so the run must keep a {@link PhiMap}. */
    public boolean anyReversible() {
        return defaultMode.reversible() || overrides.values().stream().anyMatch(Mode::reversible);
    }

    /**
     * Parses {@code MODE[,CATEGORY=MODE...]}.
     *
     * @throws IllegalArgumentException naming the bad element and what is allowed
     */
    public static DeidPolicy parse(String text) {
        String[] parts = text.split(",");
        Mode def = Mode.parse(parts[0]);
        Map<PhiCategory, Mode> over = new EnumMap<>(PhiCategory.class);
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("mode override must be CATEGORY=MODE, got element " + i);
            }
            over.put(PhiCategory.parse(kv[0]), Mode.parse(kv[1]));
        }
        return new DeidPolicy(def, over);
    }
}

package org.clinigate.eval.suite;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One evaluation item: a stable id (unique in its suite), its task, and the groups it reports under, for example
 * {@code specialty -> cardiology} or {@code theme -> emergency_referrals}. {@code line} is where it starts in the suite
 * file (1-based; 0 when the suite is a folder of files).
 */
public record Item(String id, Task task, Map<String, String> groups, int line) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("id must be 1 to 200 characters");
        }
        groups = Map.copyOf(new TreeMap<>(groups));
    }
}

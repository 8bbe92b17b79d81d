package org.clinigate.eval.suite;

import java.util.List;
import java.util.Objects;

/**
 * A loaded suite: its name (the file or folder name), format, and items in file order with unique ids.
 *
 * @param sha256 the hash of the suite's bytes, so a resumed run can tell that its suite changed
 */
public record Suite(String name, SuiteFormat format, List<Item> items, String sha256) {

    public Suite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        items = List.copyOf(items);
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The first {@code limit} items, or all when {@code limit} is 0 or more than there are. */
    public Suite limit(int limit) {
        return limit <= 0 || limit >= items.size() ? this : new Suite(name, format, items.subList(0, limit), sha256);
    }
}

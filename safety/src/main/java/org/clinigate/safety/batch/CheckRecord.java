package org.clinigate.safety.batch;

import java.util.Objects;
import org.clinigate.core.rails.RailContext;

/** One input record: its id (text, and the number when it was given as one), its text and context. */
record CheckRecord(String id, Long numericId, String text, RailContext context) {

    CheckRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
    }

    @Override
    public String toString() {
        return "CheckRecord[chars=" + text.length() + ", " + context + "]";
    }
}

package org.clinigate.core.rails;

import java.util.Objects;

/**
 * A source the model was given to ground its answer: its id (the number or name an answer cites it by) and its
 * text. {@code toString()} prints the id and size only.
 */
public record RailSource(String id, String text) {

    public RailSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "RailSource[" + id + ", chars=" + text.length() + "]";
    }
}

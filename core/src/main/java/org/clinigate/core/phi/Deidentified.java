package org.clinigate.core.phi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of de-identifying one text: the transformed text, and the spans that were found, as
 * offsets into the <em>input</em> text. The transformed text is free of detected PHI; the spans carry no
 * values. {@link #toString()} still omits the text, because residual PHI that the detector missed may
 * remain in it.
 */
public record Deidentified(String text, List<PhiSpan> spans) {
    public Deidentified {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
    }

    @Override
    public String toString() {
        return "Deidentified[chars=" + text.length() + ", spans=" + spans.size() + "]";
    }
}

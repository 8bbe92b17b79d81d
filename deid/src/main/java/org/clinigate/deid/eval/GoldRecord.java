package org.clinigate.deid.eval;

import java.util.List;
import org.clinigate.core.phi.PhiSpan;

/** One gold-standard document: its text and the spans a perfect detector would find (UTF-16 offsets). */
public record GoldRecord(String id, String text, List<PhiSpan> spans) {
    public GoldRecord {
        spans = List.copyOf(spans);
        for (PhiSpan s : spans) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("gold span out of bounds in record " + id);
            }
        }
    }

    @Override
    public String toString() {
        return "GoldRecord[" + id + ", chars=" + text.length() + ", spans=" + spans.size() + "]";
    }
}

package org.clinigate.synth;

import java.util.List;
import java.util.Objects;
import org.clinigate.core.phi.PhiSpan;

/**
 * One synthetic document and its gold identifier spans: the answer key a de-identifier is scored
 * against. Spans are half-open UTF-16 offsets into {@code text}, sorted by start and non-overlapping;
 * text outside every span holds no identifier. Documents of one {@code patientId} describe the same
 * synthetic patient (same name, date of birth, record number and address).
 *
 * <p>Immutable and thread safe. {@link #toString()} carries the id, style, length and span count
 * only, never the text or the patient id.
 *
 * @param id unique document id, not blank
 * @param style the kind of note
 * @param patientId the synthetic patient this document is about, not blank
 * @param text the document text
 * @param spans the gold spans, copied
 * @throws IllegalArgumentException when a span lies outside the text, or spans are out of order or
 *     overlap; the message names span indexes and offsets, never text
 */
public record GoldDocument(String id, NoteStyle style, String patientId, String text, List<PhiSpan> spans) {

    public GoldDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(spans, "spans");
        if (id.isBlank() || patientId.isBlank()) {
            throw new IllegalArgumentException("CG-1008: document id and patient id must not be blank");
        }
        spans = List.copyOf(spans);
        for (int i = 0; i < spans.size(); i++) {
            PhiSpan span = spans.get(i);
            if (span.end() > text.length()) {
                throw new IllegalArgumentException("CG-1008: span " + i + " ends at " + span.end()
                        + " beyond text length " + text.length());
            }
            if (i > 0 && spans.get(i - 1).end() > span.start()) {
                throw new IllegalArgumentException(
                        "CG-1008: span " + i + " starts at " + span.start() + " before the previous span ends at "
                                + spans.get(i - 1).end() + "; spans must be sorted and not overlap");
            }
        }
    }

    /** The id, style, text length and span count; never the text or the patient id. */
    @Override
    public String toString() {
        return "GoldDocument[id=" + id + ", style=" + style + ", length=" + text.length() + ", spans=" + spans.size()
                + "]";
    }
}

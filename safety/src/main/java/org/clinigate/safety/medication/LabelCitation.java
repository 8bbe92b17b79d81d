package org.clinigate.safety.medication;

import java.util.Objects;

/**
 * Where a row of the dose or interaction table comes from: the label (product and document), its issuer, the
 * section, the DailyMed set id when known, and how the figure was checked: {@code openfda-excerpt} (against the
 * openFDA label excerpt the project keeps for reference), {@code label-copy} (against a published copy of the label
 * text) or {@code unverified} (written from the label as remembered; to be checked against DailyMed before any
 * clinical use).
 */
public record LabelCitation(String label, String issuer, String section, String setId, String checked) {

    public LabelCitation {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(checked, "checked");
    }

    /** A short form for flag messages: the label and the section number or title, without its summary. */
    public String shortForm() {
        int cut = section.indexOf(" (");
        return label + ", " + (cut > 0 ? section.substring(0, cut) : section);
    }
}

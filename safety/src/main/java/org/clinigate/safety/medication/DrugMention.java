package org.clinigate.safety.medication;

/** A drug named in a text: its canonical name and where the name is, {@code [start, end)}. */
public record DrugMention(String drug, int start, int end) {
}

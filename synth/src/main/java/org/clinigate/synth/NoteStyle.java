package org.clinigate.synth;

/**
 * The kinds of clinical text the gold corpus imitates. Each style has its own layout, register and
 * length: long notes run 300 to 2,500 characters, chat questions 40 to 300. Immutable and thread
 * safe.
 */
public enum NoteStyle {
    /** Telegraphic shift notes; some are written entirely in capitals. */
    NURSING_NOTE,
    /** Admission to discharge narrative with headed sections. */
    DISCHARGE_SUMMARY,
    /** Imaging report with exam header, findings and impression. */
    RADIOLOGY_REPORT,
    /** Letter from one clinician to another, with letterhead and signature. */
    REFERRAL_LETTER,
    /** A short question typed into a chat assistant; some are all lower case. */
    CHAT_QUESTION
}

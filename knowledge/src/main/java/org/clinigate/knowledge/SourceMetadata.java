package org.clinigate.knowledge;

import java.util.Objects;

/**
 * What a source document is and where it comes from. Every field except {@code title} may be empty, never null.
 *
 * @param source the origin, such as a file name or "DailyMed SPL"
 * @param title the document's title
 * @param issuer the body that issued it, such as "American Diabetes Association"
 * @param date the publication date as given by the source (a year, or an ISO date)
 * @param version the source's version or edition
 * @param specialty the clinical specialty used as a search filter, lower case, such as "cardiology"
 * @param url where the original can be read
 * @param licence the terms under which the text may be used
 */
public record SourceMetadata(String source, String title, String issuer, String date, String version,
        String specialty, String url, String licence) {

    public SourceMetadata {
        source = orEmpty(source);
        title = orEmpty(title).strip();
        issuer = orEmpty(issuer);
        date = orEmpty(date);
        version = orEmpty(version);
        specialty = orEmpty(specialty).strip().toLowerCase(java.util.Locale.ROOT);
        url = orEmpty(url);
        licence = orEmpty(licence);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("title must not be empty");
        }
    }

    /** Metadata with only a title. */
    public static SourceMetadata titled(String title) {
        return new SourceMetadata("", title, "", "", "", "", "", "");
    }

    public SourceMetadata withSource(String value) {
        return new SourceMetadata(value, title, issuer, date, version, specialty, url, licence);
    }

    public SourceMetadata withTitle(String value) {
        return new SourceMetadata(source, value, issuer, date, version, specialty, url, licence);
    }

    public SourceMetadata withIssuer(String value) {
        return new SourceMetadata(source, title, value, date, version, specialty, url, licence);
    }

    public SourceMetadata withDate(String value) {
        return new SourceMetadata(source, title, issuer, value, version, specialty, url, licence);
    }

    public SourceMetadata withVersion(String value) {
        return new SourceMetadata(source, title, issuer, date, value, specialty, url, licence);
    }

    public SourceMetadata withSpecialty(String value) {
        return new SourceMetadata(source, title, issuer, date, version, value, url, licence);
    }

    public SourceMetadata withUrl(String value) {
        return new SourceMetadata(source, title, issuer, date, version, specialty, value, licence);
    }

    public SourceMetadata withLicence(String value) {
        return new SourceMetadata(source, title, issuer, date, version, specialty, url, value);
    }

    private static String orEmpty(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}

package org.clinigate.deid.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Converts Microsoft Presidio's synthetic evaluation set ({@code synth_dataset_v2.json}: records with
 * {@code full_text} and {@code spans} of {@code entity_type}, {@code start_position},
 * {@code end_position}) into gold records over the HIPAA Safe Harbor categories both share.
 *
 * <p>Presidio labels more than Safe Harbor asks to remove, so the mapping drops what is not PHI:
 * titles and nationalities, countries and US states (Safe Harbor removes only subdivisions smaller
 * than a state), ages of 89 or less, and dates that are only a year, a weekday or a time of day.
 * See ADR 0005. Stateless and thread safe.
 */
public final class PresidioImporter {

    private static final Map<String, PhiCategory> DIRECT = Map.ofEntries(Map.entry("PERSON", PhiCategory.NAME),
            Map.entry("STREET_ADDRESS", PhiCategory.LOCATION), Map.entry("ZIP_CODE", PhiCategory.LOCATION),
            Map.entry("ORGANIZATION", PhiCategory.ORGANIZATION), Map.entry("CREDIT_CARD", PhiCategory.ACCOUNT),
            Map.entry("IBAN_CODE", PhiCategory.ACCOUNT), Map.entry("PHONE_NUMBER", PhiCategory.PHONE),
            Map.entry("EMAIL_ADDRESS", PhiCategory.EMAIL), Map.entry("DOMAIN_NAME", PhiCategory.URL),
            Map.entry("US_SSN", PhiCategory.SSN), Map.entry("IP_ADDRESS", PhiCategory.IP),
            Map.entry("US_DRIVER_LICENSE", PhiCategory.LICENSE));
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?");
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "(?i)\\d{1,2}(?::\\d{2}){0,2}\\s*(?:[ap]\\.?m\\.?)?|noon|midnight");
    private static final Pattern MONTH = Pattern.compile(
            "(?i).*\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b.*");

    private final Lexicons lex;

    public PresidioImporter(Lexicons lex) {
        this.lex = lex;
    }

    /** Reads the whole data set; a record that is not in Presidio's shape fails with CG-1005. */
    public List<GoldRecord> read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1005, "the Presidio file is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw new ClinigateException(ErrorCode.CG_1005, "the Presidio file must hold a JSON array of records");
        }
        List<GoldRecord> out = new ArrayList<>();
        int n = 0;
        for (JsonNode r : root) {
            out.add(record(r, n++));
        }
        return out;
    }

    private GoldRecord record(JsonNode r, int index) {
        JsonNode text = r.get("full_text");
        JsonNode spans = r.get("spans");
        if (text == null || !text.isTextual() || spans == null || !spans.isArray()) {
            throw new ClinigateException(ErrorCode.CG_1005,
                    "Presidio record " + index + " lacks full_text or spans");
        }
        String t = text.asText();
        List<PhiSpan> gold = new ArrayList<>();
        for (JsonNode s : spans) {
            int start = s.path("start_position").asInt(-1);
            int end = s.path("end_position").asInt(-1);
            if (start < 0 || end <= start || end > t.length()) {
                throw new ClinigateException(ErrorCode.CG_1005,
                        "Presidio record " + index + " has a span out of range");
            }
            map(s.path("entity_type").asText(""), t.substring(start, end))
                    .ifPresent(c -> gold.add(new PhiSpan(start, end, c)));
        }
        gold.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new GoldRecord(String.format(Locale.ROOT, "presidio-%04d", index), t, gold);
    }

    /** The Safe Harbor category of one Presidio entity, or empty when Safe Harbor does not remove it. */
    Optional<PhiCategory> map(String type, String value) {
        PhiCategory direct = DIRECT.get(type);
        if (direct != null) {
            return Optional.of(direct);
        }
        return switch (type) {
            case "GPE" -> isCountryOrState(value) ? Optional.empty() : Optional.of(PhiCategory.LOCATION);
            case "AGE" -> olderThan89(value) ? Optional.of(PhiCategory.AGE) : Optional.empty();
            case "DATE_TIME" -> dateElement(value) ? Optional.of(PhiCategory.DATE) : Optional.empty();
            default -> Optional.empty(); // TITLE, NRP and any later additions: not Safe Harbor identifiers
        };
    }

    private static final java.util.Set<String> US_STATE_CODES = java.util.Set.of("AL", "AK", "AZ", "AR", "CA", "CO",
            "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS",
            "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
            "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR");

    private boolean isCountryOrState(String value) {
        String v = Lexicons.normalise(value);
        return lex.countries.contains(v) || lex.usStates.contains(v) || US_STATE_CODES.contains(value.trim());
    }

    private static boolean olderThan89(String value) {
        String digits = value.replaceAll("\\D", "");
        return !digits.isEmpty() && digits.length() <= 3 && Integer.parseInt(digits) > 89;
    }

    /** A month, a day or a full date; not a bare year, a weekday, a time, or words such as "last week". */
    private static boolean dateElement(String value) {
        String v = value.trim();
        if (v.matches("\\d{4}") || WEEKDAY.matcher(v).matches() || TIME_OF_DAY.matcher(v).matches()) {
            return false;
        }
        return v.chars().anyMatch(Character::isDigit) || MONTH.matcher(v).matches();
    }
}

package org.clinigate.knowledge.terminology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Reads ICD-10-CM releases into an {@link IcdCodeSet}:
 * <ul>
 * <li>the CMS order file {@code icd10cm_order_YYYY.txt}: fixed width, order number in columns 1-5, code in 7-13,
 * {@code 1} in column 15 for a billable code, short description in 17-76, long description from column 78;</li>
 * <li>the CMS codes file {@code icd10cm_codes_YYYY.txt}: a billable code, white space, its long description;</li>
 * <li>a JSON object {@code {"A000": [true, "description"], ...}} (billable flag, description), plain or gzipped, as
 * some redistributions ship it.</li>
 * </ul>
 * Malformed lines fail with CG-5101 naming the file kind and line number, unreadable files with CG-1002, bytes that
 * are not UTF-8 with CG-1003. Stateless and thread safe.
 */
public final class IcdImporter {

    private IcdImporter() {
    }

    /** Reads {@code file} by its name: {@code *order*} order file, {@code .json}/{@code .json.gz} JSON, else codes. */
    public static IcdCodeSet read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || name.endsWith(".json.gz")) {
            return readJson(file);
        }
        return name.contains("order") ? readOrderFile(file) : readCodesFile(file);
    }

    /** Reads a CMS order file; blank lines are skipped. */
    public static IcdCodeSet readOrderFile(Path file) {
        String kind = "ICD-10-CM order file";
        List<IcdCode> codes = new ArrayList<>();
        TerminologyFiles.lines(file, kind, (line, n) -> {
            if (!line.isBlank()) {
                codes.add(orderLine(line, n, kind));
            }
        });
        return nonEmpty(IcdCodeSet.of(file.getFileName().toString(), codes), kind);
    }

    /** Reads a CMS codes file (billable codes only); blank lines are skipped. */
    public static IcdCodeSet readCodesFile(Path file) {
        String kind = "ICD-10-CM codes file";
        List<IcdCode> codes = new ArrayList<>();
        TerminologyFiles.lines(file, kind, (line, n) -> {
            String text = line.strip();
            if (text.isEmpty()) {
                return;
            }
            int space = firstSpace(text);
            if (space < 0) {
                throw TerminologyFiles.malformed(kind, n, "a code without a description");
            }
            codes.add(code(text.substring(0, space), text.substring(space).strip(), true, kind, n));
        });
        return nonEmpty(IcdCodeSet.of(file.getFileName().toString(), codes), kind);
    }

    /** Reads the JSON form {@code {"CODE": [billable, "description"]}}. */
    public static IcdCodeSet readJson(Path file) {
        String kind = "ICD-10-CM JSON file";
        List<IcdCode> codes = new ArrayList<>();
        try (BufferedReader reader = TerminologyFiles.open(file, kind);
                JsonParser p = new JsonFactory().createParser(reader)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, p, kind, "not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String code = p.currentName();
                expect(p.nextToken() == JsonToken.START_ARRAY, p, kind, "an entry that is not [billable, text]");
                JsonToken flag = p.nextToken();
                expect(flag == JsonToken.VALUE_TRUE || flag == JsonToken.VALUE_FALSE, p, kind,
                        "a billable flag that is not true or false");
                expect(p.nextToken() == JsonToken.VALUE_STRING, p, kind, "a description that is not a string");
                String text = p.getText();
                expect(p.nextToken() == JsonToken.END_ARRAY, p, kind, "an entry with more than two values");
                codes.add(code(code, text, flag == JsonToken.VALUE_TRUE, kind, p.currentLocation().getLineNr()));
            }
        } catch (CharacterCodingException e) {
            throw new ClinigateException(ErrorCode.CG_1003, kind + " is not UTF-8", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw TerminologyFiles.malformed(kind, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON");
        } catch (IOException e) {
            throw TerminologyFiles.unreadable(kind, e);
        }
        return nonEmpty(IcdCodeSet.of(file.getFileName().toString(), codes), kind);
    }

    private static IcdCode orderLine(String line, int n, String kind) {
        if (line.length() < 17 || !line.substring(0, 5).chars().allMatch(Character::isDigit) || line.charAt(5) != ' '
                || (line.charAt(14) != '0' && line.charAt(14) != '1')) {
            throw TerminologyFiles.malformed(kind, n, "not in the fixed-width order format");
        }
        String code = line.substring(6, 13).strip();
        String shortText = line.substring(16, Math.min(76, line.length())).strip();
        String longText = line.length() > 77 ? line.substring(77).strip() : "";
        return code(code, longText.isEmpty() ? shortText : longText, line.charAt(14) == '1', kind, n);
    }

    private static IcdCode code(String raw, String description, boolean billable, String kind, int n) {
        try {
            return new IcdCode(IcdCode.canonical(raw), description, billable);
        } catch (IllegalArgumentException e) {
            throw TerminologyFiles.malformed(kind, n, "a malformed code or an empty description");
        }
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void expect(boolean ok, JsonParser p, String kind, String what) {
        if (!ok) {
            throw TerminologyFiles.malformed(kind, p.currentLocation().getLineNr(), what);
        }
    }

    private static IcdCodeSet nonEmpty(IcdCodeSet set, String kind) {
        if (set.size() == 0) {
            throw TerminologyFiles.malformed(kind, 0, "no codes");
        }
        return set;
    }
}

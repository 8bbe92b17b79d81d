package org.clinigate.knowledge.terminology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a licensed SNOMED CT release's RF2 files into {@link SnomedConcepts}:
 * <ul>
 * <li>{@code sct2_Description_Snapshot*.txt}: tab-separated id, effectiveTime, active, moduleId, conceptId,
 * languageCode, typeId, term, caseSignificanceId; active English rows are kept, the fully specified name
 * (typeId 900000000000003001, its semantic tag removed) over a synonym;</li>
 * <li>{@code sct2_Relationship_Snapshot*.txt}: tab-separated id, effectiveTime, active, moduleId, sourceId,
 * destinationId, relationshipGroup, typeId, characteristicTypeId, modifierId; active is-a (116680003) rows are
 * kept.</li>
 * </ul>
 * When a file holds several versions of a row (a Full rather than a Snapshot file), the one with the latest
 * effectiveTime counts. Both files start with a header line. Malformed lines fail with CG-5101 (file kind, line
 * number). Stateless and thread safe.
 */
public final class SnomedImporter {

    static final String FULLY_SPECIFIED_NAME = "900000000000003001";

    private SnomedImporter() {
    }

    /** Reads a description file and a relationship file. */
    public static SnomedConcepts read(Path descriptions, Path relationships) {
        return new SnomedConcepts(terms(descriptions), parents(relationships));
    }

    private static Map<String, String> terms(Path file) {
        String kind = "SNOMED CT description file";
        Map<String, String[]> latest = latestRows(file, kind, 9);
        Map<String, String> fsn = new HashMap<>();
        Map<String, String> synonym = new HashMap<>();
        for (String[] f : latest.values()) {
            if (!f[2].equals("1") || !f[5].equals("en")) {
                continue;
            }
            if (f[6].equals(FULLY_SPECIFIED_NAME)) {
                fsn.put(f[4], f[7].replaceFirst("\\s*\\([^()]*\\)$", ""));
            } else {
                synonym.putIfAbsent(f[4], f[7]);
            }
        }
        synonym.putAll(fsn);
        return synonym;
    }

    private static Map<String, List<String>> parents(Path file) {
        String kind = "SNOMED CT relationship file";
        Map<String, List<String>> parents = new HashMap<>();
        for (String[] f : latestRows(file, kind, 10).values()) {
            if (f[2].equals("1") && f[7].equals(SnomedConcepts.IS_A)) {
                parents.computeIfAbsent(f[4], k -> new ArrayList<>()).add(f[5]);
            }
        }
        parents.replaceAll((k, v) -> List.copyOf(v));
        return parents;
    }

    /** Rows by id, keeping the latest effectiveTime; the header is skipped. */
    private static Map<String, String[]> latestRows(Path file, String kind, int columns) {
        Map<String, String[]> rows = new HashMap<>();
        TerminologyFiles.lines(file, kind, (line, n) -> {
            if (n == 1 || line.isEmpty()) {
                return;
            }
            String[] f = line.split("\t", -1);
            if (f.length < columns || f[0].isEmpty() || f[1].length() != 8) {
                throw TerminologyFiles.malformed(kind, n, f.length + " columns, expected " + columns);
            }
            rows.merge(f[0], f, (a, b) -> b[1].compareTo(a[1]) >= 0 ? b : a);
        });
        return rows;
    }
}

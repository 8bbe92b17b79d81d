package org.clinigate.knowledge.terminology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads RxNorm into an {@link RxNormSet}, keeping ingredients (IN, PIN, MIN), clinical drug components (SCDC),
 * clinical and branded drugs (SCD, SBD) and brand names (BN):
 * <ul>
 * <li>{@code RXNCONSO.RRF} of a full or prescribable release: pipe-delimited RXCUI, LAT, TS, LUI, STT, SUI, ISPREF,
 * RXAUI, SAUI, SCUI, SDUI, SAB, TTY, CODE, STR, SRL, SUPPRESS, CVF; only English RXNORM-source rows that are not
 * suppressed (SUPPRESS N or empty) are kept;</li>
 * <li>a prescribable-content flat TSV with a header naming at least {@code rxcui}, {@code tty} and {@code name}
 * (other columns, such as {@code ingredient_rxcui}, are ignored: links are derived from the names).</li>
 * </ul>
 * Malformed lines fail with CG-5101 (file kind, line number), unreadable files with CG-1002, bytes that are not UTF-8
 * with CG-1003. Stateless and thread safe.
 */
public final class RxNormImporter {

    private RxNormImporter() {
    }

    /** Reads {@code file} by its name: {@code .RRF} as RXNCONSO, anything else as the prescribable TSV. */
    public static RxNormSet read(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".rrf")
                ? readConso(file)
                : readPrescribableTsv(file);
    }

    /** Reads RXNCONSO.RRF. */
    public static RxNormSet readConso(Path file) {
        String kind = "RxNorm RXNCONSO.RRF";
        List<RxConcept> concepts = new ArrayList<>();
        TerminologyFiles.lines(file, kind, (line, n) -> {
            if (line.isEmpty()) {
                return;
            }
            String[] f = line.split("\\|", -1);
            if (f.length < 17) {
                throw TerminologyFiles.malformed(kind, n, f.length + " fields, expected 18");
            }
            String suppress = f[16];
            if (!f[1].equals("ENG") || !f[11].equals("RXNORM") || !(suppress.isEmpty() || suppress.equals("N"))) {
                return;
            }
            RxTermType.of(f[12]).ifPresent(type -> concepts.add(concept(f[0], type, f[14], kind, n)));
        });
        return nonEmpty(RxNormSet.of(file.getFileName().toString(), concepts), kind);
    }

    /** Reads the prescribable-content flat TSV. */
    public static RxNormSet readPrescribableTsv(Path file) {
        String kind = "RxNorm prescribable TSV";
        List<RxConcept> concepts = new ArrayList<>();
        int[] columns = new int[3];
        TerminologyFiles.lines(file, kind, (line, n) -> {
            if (line.isBlank()) {
                return;
            }
            String[] f = line.split("\t", -1);
            if (n == 1) {
                List<String> header = List.of(line.toLowerCase(Locale.ROOT).split("\t", -1));
                columns[0] = header.indexOf("rxcui");
                columns[1] = header.indexOf("tty");
                columns[2] = header.indexOf("name");
                if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0) {
                    throw TerminologyFiles.malformed(kind, n, "a header without rxcui, tty and name");
                }
                return;
            }
            int needed = Math.max(columns[0], Math.max(columns[1], columns[2]));
            if (f.length <= needed) {
                throw TerminologyFiles.malformed(kind, n, f.length + " columns, expected " + (needed + 1));
            }
            Optional<RxTermType> type = RxTermType.of(f[columns[1]]);
            type.ifPresent(t -> concepts.add(concept(f[columns[0]], t, f[columns[2]], kind, n)));
        });
        return nonEmpty(RxNormSet.of(file.getFileName().toString(), concepts), kind);
    }

    private static RxConcept concept(String rxcui, RxTermType type, String name, String kind, int n) {
        try {
            return new RxConcept(rxcui.strip(), type, name.strip());
        } catch (IllegalArgumentException e) {
            throw TerminologyFiles.malformed(kind, n, "a malformed RXCUI or an empty name");
        }
    }

    private static RxNormSet nonEmpty(RxNormSet set, String kind) {
        if (set.size() == 0) {
            throw TerminologyFiles.malformed(kind, 0, "no concepts of the kept term types");
        }
        return set;
    }
}

package org.clinigate.eval.grade;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.eval.suite.Task;
import org.clinigate.safety.medication.DoseTable;
import org.clinigate.safety.medication.DrugLexicon;
import org.clinigate.safety.medication.DrugMention;
import org.clinigate.safety.medication.Interactions;

/**
 * Grades a summary against its source note. Section completeness: the share of required headings that start a line
 * of the summary ({@code Plan:}, {@code ## Plan}, {@code **Plan**}). Unsupported entities: medications (the safety
 * module's drug lexicon, by canonical name), diagnoses (words and phrases of a fixed clinical pattern: -itis, -emia,
 * -oma, -osis, -pathy, named diseases) and numbers that appear in the summary but not in the source. Thread safe.
 */
public final class SummaryGrader {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.]*\\d)");
    private static final Pattern DIAGNOSIS = Pattern.compile("\\b(?:[a-z]+(?:itis|emia|aemia|oma|osis|pathy|algia|"
            + "penia|megaly|plegia|trophy|ectasis)|(?:type\\s+[12]\\s+)?diabetes(?:\\s+mellitus)?|hypertension|"
            + "hypotension|asthma|copd|pneumonia|sepsis|stroke|myocardial\\s+infarction|heart\\s+failure|atrial\\s+"
            + "fibrillation|(?:acute\\s+)?kidney\\s+injury|chronic\\s+kidney\\s+disease|cancer|carcinoma|fracture|"
            + "depression|dementia|epilepsy|migraine|obesity|anaemia|anemia|embolism|thrombosis|angina|"
            + "hypothyroidism|hyperthyroidism|cellulitis|gout)\\b");

    private final DrugLexicon drugs;

    public SummaryGrader(DrugLexicon drugs) {
        this.drugs = drugs;
    }

    /** With the safety module's bundled drug tables. */
    public static SummaryGrader defaults() {
        return new SummaryGrader(new DrugLexicon(DoseTable.defaults(), Interactions.defaults()));
    }

    public Grade grade(Task.Summary task, String summary) {
        String s = summary == null ? "" : summary;
        double completeness = completeness(task.sections(), s);
        Set<String> entities = entities(s);
        Set<String> source = entities(task.source());
        String foldedSource = task.source().toLowerCase(Locale.ROOT);
        long unsupported = entities.stream().filter(e -> !source.contains(e) && !foldedSource.contains(e.substring(e
                .indexOf(':') + 1))).count();
        double rate = entities.isEmpty() ? 0 : (double) unsupported / entities.size();
        Map<String, Double> parts = Map.of("section_completeness", completeness, "entities", (double) entities
                .size(), "unsupported_entities", (double) unsupported, "unsupported_entity_rate", rate);
        return new Grade(Grade.OK, null, null, completeness, parts, null, null);
    }

    static double completeness(List<String> sections, String summary) {
        if (sections.isEmpty()) {
            return summary.isBlank() ? 0 : 1;
        }
        int found = 0;
        for (String section : sections) {
            Pattern heading = Pattern.compile("(?im)^\\s*(?:#{1,6}\\s*|\\*\\*|__)?\\s*" + Pattern.quote(section.strip())
                    + "\\s*(?:\\*\\*|__)?\\s*(?::|-|$)");
            if (heading.matcher(summary).find()) {
                found++;
            }
        }
        return (double) found / sections.size();
    }

    /** Typed entity keys: {@code med:warfarin}, {@code dx:pneumonia}, {@code num:5}. */
    Set<String> entities(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (DrugMention d : drugs.find(folded)) {
            out.add("med:" + d.drug().toLowerCase(Locale.ROOT));
        }
        Matcher dx = DIAGNOSIS.matcher(folded);
        while (dx.find()) {
            out.add("dx:" + dx.group().replaceAll("\\s+", " "));
        }
        Matcher n = NUMBER.matcher(folded);
        while (n.find()) {
            out.add("num:" + normalizeNumber(n.group()));
        }
        return out;
    }

    private static String normalizeNumber(String n) {
        if (n.contains(".")) {
            n = n.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return n.replaceFirst("^0+(?=\\d)", "");
    }
}

package org.clinigate.safety.citation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.rails.RailSource;

/**
 * A citation check that needs no index: every marker {@code [n]}, {@code [n, m]} or {@code [n-m]} must name a
 * provided source, and every PMID, DOI, trial registration (NCT), named trial or study ("the ACCORD trial"), author
 * citation ("Smith et al.", "(Smith, 2019)") and journal citation ("Lancet 2019") must have its key word in at least
 * one source, or it is reported as possibly fabricated. It does not test whether a source supports its claim.
 * Stateless and thread safe.
 */
public final class SimpleCitationCheck implements CitationCheck {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,\\u2013-]\\s*\\d{1,3})*)\\]");
    private static final int MAX_RANGE = 50;

    /** A kind of reference, its pattern, the group holding its key, and words one of which the text must hold. */
    private record Reference(String kind, Pattern pattern, int keyGroup, List<String> hints) {
        boolean possible(String lower) {
            for (String h : hints) {
                if (lower.contains(h)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Reference> REFERENCES = List.of(
            new Reference("PMID", Pattern.compile("\\bpmid\\s*:?\\s*(\\d{5,9})\\b", Pattern.CASE_INSENSITIVE), 1,
                    List.of("pmid")),
            new Reference("DOI", Pattern.compile("\\b(10\\.\\d{4,9}/[^\\s\"<>()\\]]+[^\\s\"<>()\\].,;:])"), 1,
                    List.of("10.")),
            new Reference("trial registration", Pattern.compile("\\b(nct\\d{6,10})\\b", Pattern.CASE_INSENSITIVE), 1,
                    List.of("nct")),
            new Reference("named trial", Pattern.compile(
                    "\\b([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)\\s+(?:trial|study|investigators|randomi[sz]ed)"), 1,
                    List.of(" trial", " study", " investigators", " randomi")),
            new Reference("author citation", Pattern.compile("\\b([A-Z][a-z][a-zA-Z'\\-]{0,29})\\s+et\\s+al\\b"), 1,
                    List.of(" et al")),
            new Reference("author citation", Pattern.compile(
                    "\\(([A-Z][a-z][a-zA-Z'\\-]{0,29})(?:\\s+(?:and|&)\\s+[A-Z][a-zA-Z'\\-]{1,30})?,?\\s+(?:19|20)\\d{2}[a-z]?\\)"),
                    1, List.of("(")),
            new Reference("journal citation", Pattern.compile("\\b(N\\s?Engl\\s?J\\s?Med|NEJM|Lancet|JAMA|BMJ"
                    + "|Ann\\s?Intern\\s?Med|Circulation|Eur\\s?Heart\\s?J|Cochrane\\s+Database)\\b[^.\\n]{0,25}?"
                    + "\\b(?:19|20)\\d{2}\\b"), 1,
                    List.of("engl", "nejm", "lancet", "jama", "bmj", "intern", "circulation", "heart", "cochrane")));

    @Override
    public List<CitationFinding> check(String answer, List<RailSource> sources) {
        List<CitationFinding> out = new ArrayList<>();
        markers(answer, sources, out);
        references(answer, sources, out);
        return out;
    }

    private static void markers(String answer, List<RailSource> sources, List<CitationFinding> out) {
        Set<Integer> numericIds = new HashSet<>();
        for (RailSource s : sources) {
            if (s.id().strip().matches("\\d{1,3}")) {
                numericIds.add(Integer.parseInt(s.id().strip()));
            }
        }
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            for (int n : numbers(m.group(1))) {
                boolean known = (n >= 1 && n <= sources.size()) || numericIds.contains(n);
                if (!known) {
                    out.add(new CitationFinding(CitationFinding.Kind.UNKNOWN_SOURCE, m.start(), m.end(), "marker ["
                            + n + "] names no provided source (" + sources.size() + " given)"));
                }
            }
        }
    }

    /** The numbers of a marker body: {@code 1, 3-5} is 1, 3, 4, 5; ranges are capped. */
    static List<Integer> numbers(String body) {
        List<Integer> out = new ArrayList<>();
        for (String part : body.split(",")) {
            String[] ends = part.strip().split("\\s*[\\u2013-]\\s*");
            int a = Integer.parseInt(ends[0].strip());
            int b = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : a;
            for (int n = a; n <= b && n - a < MAX_RANGE; n++) {
                out.add(n);
            }
        }
        return out;
    }

    private static void references(String answer, List<RailSource> sources, List<CitationFinding> out) {
        String corpus = null;
        String lower = answer.toLowerCase(Locale.ROOT);
        for (Reference r : REFERENCES) {
            if (!r.possible(lower)) {
                continue;
            }
            Matcher m = r.pattern.matcher(answer);
            while (m.find()) {
                if (corpus == null) {
                    corpus = joined(sources);
                }
                String key = m.group(r.keyGroup).toLowerCase(Locale.ROOT);
                if (!corpus.contains(key) && !overlaps(out, m.start(), m.end())) {
                    out.add(new CitationFinding(CitationFinding.Kind.POSSIBLY_FABRICATED, m.start(), m.end(), r.kind
                            + " that appears in none of the " + sources.size() + " provided sources"));
                }
            }
        }
    }

    private static boolean overlaps(List<CitationFinding> found, int start, int end) {
        for (CitationFinding f : found) {
            if (f.kind() == CitationFinding.Kind.POSSIBLY_FABRICATED && f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }

    private static String joined(List<RailSource> sources) {
        StringBuilder sb = new StringBuilder();
        for (RailSource s : sources) {
            sb.append(s.id()).append('\n').append(s.text()).append('\n');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}

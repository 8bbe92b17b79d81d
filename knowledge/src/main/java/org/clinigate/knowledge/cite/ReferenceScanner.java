package org.clinigate.knowledge.cite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to literature in an answer: PMIDs, DOIs, trial registrations, named trials or studies, author
 * citations ("Smith et al., 2019"), guidelines of a named body, and journal citations. Each comes with the key
 * words that must appear in a source for the reference to count as grounded.
 */
final class ReferenceScanner {

    record Reference(Finding.ReferenceKind kind, int start, int end, List<String> keys) {
    }

    private record Rule(Finding.ReferenceKind kind, Pattern pattern, int... keyGroups) {
    }

    private static final String BODY = "(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z]+)";
    /** A body's name: capitalised words or acronyms, possibly joined by lower-case "of", "and", "for" or "the". */
    private static final String LONG_BODY = "[A-Z][A-Za-z]*(?:/[A-Z][A-Za-z]*)*(?:\\s+(?:(?:of|and|for|the|on)\\s+){0,2}"
            + "[A-Z][A-Za-z]*(?:/[A-Z][A-Za-z]*)*){0,7}";
    /** The kinds of document a body issues or a literature search finds. */
    private static final String DOCUMENT = "(?:(?:clinical\\s+)?(?:practice\\s+)?guidelines?|guidance|consensus(?:\\s+"
            + "statement)?|(?:position|scientific|policy)\\s+statement|recommendations|(?:systematic\\s+)?reviews?|"
            + "meta-analys[ie]s|report|update|practice\\s+bulletin|bulletin|leaflet|handbook|monograph)\\b";
    private static final String JOURNALS = "N\\s?Engl\\s?J\\s?Med|New England Journal of Medicine|Lancet|JAMA|BMJ|"
            + "Ann Intern Med|Annals of Internal Medicine|Circulation|Diabetes Care|Pediatrics|Chest|Stroke|"
            + "Critical Care Medicine|Cochrane Database(?: of)? Syst(?:ematic)? Rev(?:iews)?";

    private static final List<Rule> RULES = List.of(
            new Rule(Finding.ReferenceKind.PMID, Pattern.compile("\\bPMID:?\\s*(\\d{5,9})\\b",
                    Pattern.CASE_INSENSITIVE), 1),
            new Rule(Finding.ReferenceKind.DOI,
                    Pattern.compile("\\b(10\\.\\d{4,9}/[^\\s\"<>\\]\\)]+[^\\s\"<>\\]\\).,;])"),
                    1),
            new Rule(Finding.ReferenceKind.TRIAL_REGISTRATION, Pattern.compile(
                    "\\b(NCT\\d{8}|ISRCTN\\d{8}|EudraCT\\s*\\d{4}-\\d{6}-\\d{2}|ACTRN\\d{14})\\b"), 1),
            new Rule(Finding.ReferenceKind.JOURNAL, Pattern.compile(
                    "\\b((?:19|20)\\d{2}\\s?;\\s?\\d{1,4}(?:\\s?\\(\\d{1,4}\\))?\\s?:\\s?[A-Za-z]?\\d{1,6}(?:[-\\u2013]\\d{1,6})?)"),
                    1),
            new Rule(Finding.ReferenceKind.NAMED_TRIAL, Pattern.compile(
                    "\\b([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)(?:\\s+[A-Z][a-z]+){0,2}\\s+(?:trial|study|studies|investigators|"
                            + "randomi[sz]ed)\\b"),
                    1),
            new Rule(Finding.ReferenceKind.AUTHOR_CITATION, Pattern.compile(
                    "\\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\\s+et\\s+al\\.?(?:,?\\s*\\(?((?:19|20)\\d{2})\\)?)?"), 1, 2),
            // "Sullivan and Farrar (Pediatrics, 2011)", "Okafor (2019)": authors followed by a bracketed year.
            new Rule(Finding.ReferenceKind.AUTHOR_CITATION, Pattern.compile(
                    "\\b([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?:\\s+(?:and|&)\\s+([A-Z][a-z]{2,}))?\\s*\\((?:[A-Z][A-Za-z.]*"
                            + "(?:\\s[A-Z][A-Za-z.]*){0,3},?\\s*)?((?:19|20)\\d{2})\\)"),
                    1, 2),
            // "the 2021 Royal College of Paediatrics and Child Health position statement", "a 2020 Cochrane review",
            // "the American College of Obstetricians and Gynecologists 2020 practice bulletin": a year and a named body
            // whose words may be joined by "of", "and", "for" or "the". Before the shorter forms below, which would
            // claim the tail of the name ("Child Health position statement") and find it grounded word by word.
            new Rule(Finding.ReferenceKind.GUIDELINE,
                    Pattern.compile("\\b((?:19|20)\\d{2})\\s+(" + LONG_BODY + ")(?:['\u2019]s?)?\\s+"
                            + "(?:[a-z]+\\s+){0,3}" + DOCUMENT),
                    1, 2),
            new Rule(Finding.ReferenceKind.GUIDELINE,
                    Pattern.compile("\\b([A-Z][A-Za-z]*\\s+(?:(?:of|and|for|the|on)\\s+)"
                            + "{0,2}" + LONG_BODY + ")(?:['\u2019]s?)?\\s+((?:19|20)\\d{2})\\s+(?:[a-z]+\\s+){0,2}"
                            + DOCUMENT),
                    1, 2),
            new Rule(Finding.ReferenceKind.GUIDELINE, Pattern.compile("\\b(?:((?:19|20)\\d{2})\\s+)?(" + BODY
                    + "(?:[/ ]" + BODY + "){0,4})\\s+(?:(?:clinical\\s+)?(?:practice\\s+)?guidelines?|guidance|"
                    + "consensus(?:\\s+statement)?|position\\s+statement|recommendations)\\b"), 1, 2),
            // "World Allergy Organization anaphylaxis guidance 2020", "the AHA/ASA acute ischaemic stroke guideline":
            // a body of two or more words, or an acronym (or acronyms joined by '/'), then a topic in lower case.
            // One capitalised word would also match a sentence's first verb.
            new Rule(Finding.ReferenceKind.GUIDELINE,
                    Pattern.compile(
                            "\\b((?:[A-Z][a-z]+\\s+){1,4}[A-Z][a-z]+|[A-Z]{2,}[A-Za-z]*(?:/[A-Z]{2,}[A-Za-z]*)*)"
                                    + "\\s+(?:[a-z]+\\s+){1,4}" + DOCUMENT + "(?:\\s+((?:19|20)\\d{2}))?"),
                    1, 2),
            // "a review by Hughes and colleagues".
            new Rule(Finding.ReferenceKind.AUTHOR_CITATION, Pattern.compile(
                    "\\b([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\\s+and\\s+(?:colleagues|co-?workers|co-?authors)\\b"), 1),
            // "a 2022 meta-analysis in JAMA", "published in the Lancet".
            new Rule(Finding.ReferenceKind.JOURNAL, Pattern.compile("\\bin\\s+(?:the\\s+)?(" + JOURNALS + ")\\b"), 1),
            // "published in the World Allergy Organization Journal", "in the Journal of Pediatrics".
            new Rule(Finding.ReferenceKind.JOURNAL, Pattern.compile("\\b(?:published\\s+)?in\\s+(?:the\\s+)?(" + BODY
                    + "(?:\\s+" + BODY + "){0,4}\\s+Journal|Journal\\s+of(?:\\s+(?:the\\s+)?" + BODY + "){1,4})"), 1),
            new Rule(Finding.ReferenceKind.GUIDELINE, Pattern.compile(
                    "\\b(?:NICE\\s+)?(?:guideline\\s+)?\\b((?:NG|CG|TA)\\d{2,3})\\b"), 1),
            new Rule(Finding.ReferenceKind.JOURNAL, Pattern.compile("\\b(N\\s?Engl\\s?J\\s?Med|New England Journal "
                    + "of Medicine|Lancet|JAMA|BMJ|Ann Intern Med|Circulation|Diabetes Care|Cochrane Database "
                    + "Syst Rev)\\b[^.\\n]{0,30}?\\b((?:19|20)\\d{2})\\b"), 1, 2));

    /** Words that start sentences or name generic things, not issuing bodies. */
    private static final List<String> NOT_BODIES = List.of("The", "These", "Current", "Recent", "Our", "Local",
            "National", "International", "Clinical", "Practice", "Most", "Some", "Many", "All", "Other", "New",
            "Updated", "Latest", "Older", "This", "Those", "Such", "Both", "Each", "Either", "Neither", "Two", "Three",
            "Several", "Various", "Existing", "Relevant", "Major", "Official", "Professional", "Published", "Any");

    private ReferenceScanner() {
    }

    static List<Reference> scan(String answer) {
        List<Reference> out = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(answer);
            while (m.find()) {
                List<String> keys = new ArrayList<>();
                for (int g : rule.keyGroups()) {
                    if (m.group(g) != null) {
                        keys.addAll(keyWords(rule.kind(), m.group(g)));
                    }
                }
                if (!keys.isEmpty() && overlapsNone(out, m.start(), m.end())) {
                    out.add(new Reference(rule.kind(), m.start(), m.end(), keys));
                }
            }
        }
        out.sort(Comparator.comparingInt(Reference::start));
        return out;
    }

    private static List<String> keyWords(Finding.ReferenceKind kind, String group) {
        if (kind != Finding.ReferenceKind.GUIDELINE) {
            return List.of(group);
        }
        List<String> keys = new ArrayList<>();
        for (String w : group.split("[/ ]")) {
            if (!w.isEmpty() && !NOT_BODIES.contains(w)) {
                keys.add(w);
            }
        }
        return keys;
    }

    private static boolean overlapsNone(List<Reference> found, int start, int end) {
        return found.stream().noneMatch(r -> r.start() < end && start < r.end());
    }
}

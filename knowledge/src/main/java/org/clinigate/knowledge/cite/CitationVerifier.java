package org.clinigate.knowledge.cite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.knowledge.embed.Embedder;

/**
 * Checks the citations of an answer against the numbered sources it was grounded on.
 *
 * <ol>
 * <li>Every marker {@code [n]}, {@code [n, m]} or {@code [n-m]} must name a provided source.</li>
 * <li>The claim a marker closes must appear in a source it cites: verbatim, after normalization, or fuzzily with a
 * score of at least {@code paraphraseThreshold}. A sentence with one marker is one claim; with several, the text
 * before each marker is that marker's claim. A quoted span ("...") in a cited sentence is checked on its own
 * against {@code quoteThreshold}.</li>
 * <li>A PMID, DOI, trial registration, named trial, author citation, guideline of a named body or journal citation
 * whose key words occur in no source (text, title or issuer) is reported as possibly fabricated.</li>
 * </ol>
 *
 * <p>Claims of fewer than two content words ("see [2]") are not checked for support. Deterministic, stateless and
 * thread safe; never throws on any answer text.
 */
public final class CitationVerifier {

    /** The default fuzzy score a paraphrase needs. */
    public static final double DEFAULT_PARAPHRASE_THRESHOLD = 0.6;
    /** The default fuzzy score a direct quotation needs. */
    public static final double DEFAULT_QUOTE_THRESHOLD = 0.9;

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,\\u2013-]\\s*\\d{1,3})*)\\]");
    private static final Pattern QUOTE = Pattern.compile("[\"\\u201c]([^\"\\u201c\\u201d]{8,}?)[\"\\u201d]");

    /**
     * The default cosine a paraphrase in other words needs when a sentence embedder is given (chosen on the
     * development sets, ADR 0012).
     */
    public static final double DEFAULT_SEMANTIC_THRESHOLD = 0.7;

    private final double paraphraseThreshold;
    private final double quoteThreshold;
    private final SemanticMatch semantic;
    private final double semanticThreshold;

    /** Word overlap only. */
    public CitationVerifier() {
        this(DEFAULT_PARAPHRASE_THRESHOLD, DEFAULT_QUOTE_THRESHOLD);
    }

    public CitationVerifier(double paraphraseThreshold, double quoteThreshold) {
        this(paraphraseThreshold, quoteThreshold, null, DEFAULT_SEMANTIC_THRESHOLD);
    }

    /**
     * Word overlap, and for a claim whose words the source lacks, meaning: it counts as a paraphrase when its
     * embedding is close enough to a passage of the source and its numbers, units, negations and bounds agree.
     */
    public CitationVerifier(Embedder embedder) {
        this(DEFAULT_PARAPHRASE_THRESHOLD, DEFAULT_QUOTE_THRESHOLD, embedder, DEFAULT_SEMANTIC_THRESHOLD);
    }

    /** @param embedder a sentence embedder, or null for word overlap only */
    public CitationVerifier(double paraphraseThreshold, double quoteThreshold, Embedder embedder,
            double semanticThreshold) {
        if (!(paraphraseThreshold > 0 && paraphraseThreshold <= 1 && quoteThreshold > 0 && quoteThreshold <= 1
                && semanticThreshold > 0 && semanticThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must be in (0, 1]");
        }
        this.paraphraseThreshold = paraphraseThreshold;
        this.quoteThreshold = quoteThreshold;
        this.semantic = embedder == null ? null : new SemanticMatch(embedder);
        this.semanticThreshold = semanticThreshold;
    }

    /** Checks {@code answer} against {@code sources}. */
    public CitationReport verify(String answer, List<NumberedSource> sources) {
        Map<Integer, NumberedSource> byNumber = new HashMap<>();
        for (NumberedSource s : sources) {
            byNumber.put(s.number(), s);
        }
        List<Finding> findings = new ArrayList<>();
        int markers = 0;
        for (int[] sentence : Sentences.split(answer)) {
            markers += checkSentence(answer, sentence[0], sentence[1], byNumber, findings);
        }
        findings.addAll(fabricated(answer, sources));
        findings.sort(java.util.Comparator.comparingInt(Finding::start));
        return new CitationReport(findings, markers);
    }

    private int checkSentence(String answer, int from, int to, Map<Integer, NumberedSource> sources,
            List<Finding> out) {
        List<int[]> groups = new ArrayList<>();
        List<List<Integer>> numbers = new ArrayList<>();
        Matcher m = MARKER.matcher(answer).region(from, to);
        while (m.find()) {
            int last = groups.size() - 1;
            if (last >= 0 && answer.substring(groups.get(last)[1], m.start()).isBlank()) {
                // "[1][2]" or "[1] [2]": one group, whose claim all the sources it names may support together.
                groups.get(last)[1] = m.end();
                numbers.get(last).addAll(parse(m.group(1)));
                continue;
            }
            groups.add(new int[]{m.start(), m.end()});
            numbers.add(new ArrayList<>(parse(m.group(1))));
        }
        int count = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> known = new ArrayList<>();
            for (int n : numbers.get(g)) {
                count++;
                if (sources.containsKey(n)) {
                    known.add(n);
                } else {
                    out.add(new Finding.UnknownSource(n, groups.get(g)[0], groups.get(g)[1]));
                }
            }
            if (known.isEmpty()) {
                continue;
            }
            // One marker group: the whole sentence is its claim. Several: the text since the previous group.
            int claimStart = groups.size() == 1 ? from : g == 0 ? from : groups.get(g - 1)[1];
            int claimEnd = groups.size() == 1 ? to : groups.get(g)[0];
            checkClaim(answer, claimStart, claimEnd, known, sources, out);
        }
        return count;
    }

    private void checkClaim(String answer, int start, int end, List<Integer> cited,
            Map<Integer, NumberedSource> sources,
            List<Finding> out) {
        String claim = MARKER.matcher(answer.substring(start, end)).replaceAll(" ");
        Matcher q = QUOTE.matcher(claim);
        boolean quoted = false;
        while (q.find()) {
            quoted = true;
            int qs = start + q.start(1);
            int qe = start + q.end(1);
            judge(q.group(1), qs, qe, true, cited, sources, out);
        }
        if (!quoted && TextMatch.contentWords(claim) >= 2) {
            int[] trimmed = trim(answer, start, end);
            judge(claim.strip(), trimmed[0], trimmed[1], false, cited, sources, out);
        }
    }

    private void judge(String claim, int start, int end, boolean quote, List<Integer> cited,
            Map<Integer, NumberedSource> sources, List<Finding> out) {
        double threshold = quote ? quoteThreshold : paraphraseThreshold;
        int bestSource = cited.get(0);
        TextMatch.Result best = null;
        for (int n : cited) {
            NumberedSource source = sources.get(n);
            TextMatch.Result r = quote
                    ? TextMatch.matchQuote(claim, source.text())
                    : TextMatch.match(claim, source.text(), name(source));
            if (best == null || r.score() > best.score()) {
                best = r;
                bestSource = n;
            }
        }
        if (!quote && cited.size() > 1 && best.score() < threshold) {
            // A claim cited to several sources may draw on each: it is judged against them together too.
            StringBuilder text = new StringBuilder();
            StringBuilder names = new StringBuilder();
            for (int n : cited) {
                text.append(sources.get(n).text()).append('\n');
                names.append(name(sources.get(n))).append(' ');
            }
            TextMatch.Result together = TextMatch.match(claim, text.toString(), names.toString());
            if (together.score() > best.score()) {
                best = together;
            }
        }
        if (best.score() >= threshold) {
            out.add(new Finding.Supported(bestSource, start, end, best.match(), best.score()));
            return;
        }
        if (!quote && semantic != null) {
            float[] meaning = semantic.vector(claim);
            for (int n : cited) {
                NumberedSource source = sources.get(n);
                double cosine = semantic.best(meaning, source.text());
                if (cosine >= semanticThreshold && TextMatch.factsAgree(claim, source.text(), name(source))) {
                    out.add(new Finding.Supported(n, start, end, Finding.Match.SEMANTIC, cosine));
                    return;
                }
            }
        }
        List<Integer> elsewhere = new ArrayList<>();
        for (NumberedSource s : sources.values()) {
            if (!cited.contains(s.number())
                    && TextMatch.match(claim, s.text(), name(s)).score() >= threshold) {
                elsewhere.add(s.number());
            }
        }
        elsewhere.sort(null);
        out.add(new Finding.Unsupported(bestSource, start, end, best.score(), quote, elsewhere));
    }

    /** What names a source in a claim ("the 2016 FDA communication says"): its title, issuer and date. */
    private static String name(NumberedSource s) {
        return s.title() + " " + s.issuer() + " " + s.date();
    }

    private static List<Finding> fabricated(String answer, List<NumberedSource> sources) {
        StringBuilder hay = new StringBuilder();
        for (NumberedSource s : sources) {
            hay.append(s.title()).append('\n').append(s.issuer()).append('\n').append(s.date()).append('\n').append(
                    s.sourceId()).append('\n').append(s.text()).append('\n');
        }
        String haystack = hay.toString().toLowerCase(Locale.ROOT);
        List<Finding> out = new ArrayList<>();
        for (ReferenceScanner.Reference r : ReferenceScanner.scan(answer)) {
            boolean grounded = r.keys().stream().allMatch(k -> haystack.contains(k.toLowerCase(Locale.ROOT)));
            if (!grounded) {
                out.add(new Finding.PossiblyFabricated(r.kind(), r.start(), r.end()));
            }
        }
        return out;
    }

    /** "1", "1, 2" and "1-3" as numbers; a range is capped at 50 numbers. */
    static List<Integer> parse(String group) {
        List<Integer> out = new ArrayList<>();
        for (String part : group.split(",")) {
            String[] range = part.strip().split("\\s*[\\u2013-]\\s*");
            int a = Integer.parseInt(range[0].strip());
            int b = range.length > 1 ? Integer.parseInt(range[1].strip()) : a;
            for (int n = a; n <= Math.min(b, a + 49); n++) {
                out.add(n);
            }
        }
        return out;
    }

    private static int[] trim(String s, int start, int end) {
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return new int[]{start, end};
    }
}

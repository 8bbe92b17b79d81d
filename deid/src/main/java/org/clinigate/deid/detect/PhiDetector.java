package org.clinigate.deid.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.lexicon.Lexicons;

/**
 * Runs every detector over a text and resolves their candidates into sorted, non-overlapping spans.
 *
 * <p>Overlapping candidates are merged into one span that covers all of them, so no character that
 * any detector flagged survives; the span takes the category of its strongest candidate. Long texts
 * are cut at line breaks (or, failing that, at spaces) into windows of at most {@value #WINDOW}
 * characters, which bounds memory; an identifier that straddles a cut without any whitespace in it
 * would be split, and both halves are still found by the shape rules.
 *
 * <p>Immutable and thread safe.
 */
public final class PhiDetector {

    static final int WINDOW = 1 << 16;

    private final List<Detector> detectors;
    private final Lexicons lex;

    private PhiDetector(List<Detector> detectors, Lexicons lex) {
        this.detectors = List.copyOf(detectors);
        this.lex = lex;
    }

    /** The standard detector set over the bundled lexicons. */
    public static PhiDetector standard() {
        return standard(null);
    }

    /** The standard set plus a site's learned tagger (null for none), whose spans lose every overlap. */
    public static PhiDetector standard(LearnedTagger tagger) {
        Lexicons lex = Lexicons.get();
        List<Detector> all = new ArrayList<>(PatternRules.all(lex));
        if (tagger != null) {
            all.add(tagger.asDetector());
        }
        all.add(new NameDetector(lex));
        all.add(new PlaceDetector(lex));
        all.add(new OrganizationDetector(lex));
        all.add(new AddressDetector(lex)); // last: it widens the streets the others found
        return new PhiDetector(all, lex);
    }

    /** Spans sorted by start, in bounds and not overlapping. */
    public List<PhiSpan> detect(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() <= WINDOW) {
            return resolve(candidates(text, 0));
        }
        List<PhiSpan> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = cut(text, from);
            out.addAll(resolve(candidates(text.substring(from, to), from)));
            from = to;
        }
        return out;
    }

    private List<Candidate> candidates(String text, int offset) {
        TextView view = new TextView(text);
        List<Candidate> found = new ArrayList<>();
        for (Detector d : detectors) {
            d.detect(view, found);
        }
        propagate(text, found);
        if (offset == 0) {
            return found;
        }
        List<Candidate> shifted = new ArrayList<>(found.size());
        for (Candidate c : found) {
            shifted.add(new Candidate(c.start() + offset, c.end() + offset, c.category(), c.priority()));
        }
        return shifted;
    }

    private static final java.util.Set<PhiCategory> PROPAGATED = java.util.EnumSet.of(PhiCategory.NAME,
            PhiCategory.LOCATION, PhiCategory.ORGANIZATION);

    /**
     * Once a name, place or organisation is found, every other mention of the same text in the same
     * window is one too: context finds "Mrs. Strong" but not the later "Strong agreed", and the later
     * mention would otherwise reach the model. Mentions are matched exactly, as whole words; the
     * surname of a found full name is matched alone as well. Such candidates have the lowest priority,
     * so a pattern that sees a date or a code there wins.
     */
    private void propagate(String text, List<Candidate> found) {
        java.util.Map<String, PhiCategory> surfaces = new java.util.LinkedHashMap<>();
        for (Candidate c : found) {
            if (!PROPAGATED.contains(c.category()) || c.end() - c.start() < 3) {
                continue;
            }
            String surface = text.substring(c.start(), c.end());
            surfaces.putIfAbsent(surface, c.category());
            if (c.category() == PhiCategory.NAME) {
                int sp = surface.lastIndexOf(' ');
                String last = sp < 0 ? null : surface.substring(sp + 1);
                if (last != null && last.length() >= 4 && Character.isUpperCase(last.charAt(0))
                        && (lex.flags(last.toLowerCase(java.util.Locale.ROOT)) & Lexicons.COMMON) == 0) {
                    surfaces.putIfAbsent(last, PhiCategory.NAME);
                }
            }
        }
        if (surfaces.isEmpty()) {
            return;
        }
        // A mention already found with the same extent gains nothing from a weaker copy.
        long[] known = new long[found.size()];
        for (int i = 0; i < known.length; i++) {
            known[i] = ((long) found.get(i).start() << 32) | found.get(i).end();
        }
        java.util.Arrays.sort(known);
        for (java.util.Map.Entry<String, PhiCategory> e : surfaces.entrySet()) {
            String s = e.getKey();
            for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length())) {
                int end = at + s.length();
                if (wordBoundary(text, at - 1) && wordBoundary(text, end)
                        && java.util.Arrays.binarySearch(known, ((long) at << 32) | end) < 0) {
                    found.add(new Candidate(at, end, e.getValue(), Candidate.GUESS - 1));
                }
            }
        }
    }

    private static boolean wordBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    static int cut(String text, int from) {
        int limit = Math.min(text.length(), from + WINDOW);
        if (limit == text.length()) {
            return limit;
        }
        int nl = text.lastIndexOf('\n', limit - 1);
        if (nl > from + WINDOW / 2) {
            return nl + 1;
        }
        for (int i = limit - 1; i > from + WINDOW / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        int cut = limit;
        if (Character.isLowSurrogate(text.charAt(cut)) && cut > from + 1) {
            cut--;
        }
        return cut;
    }

    static List<PhiSpan> resolve(List<Candidate> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Candidate::start)
                .thenComparing(Comparator.comparingInt(Candidate::end).reversed()));
        List<PhiSpan> spans = new ArrayList<>();
        Candidate best = found.get(0);
        int start = best.start();
        int end = best.end();
        for (int i = 1; i < found.size(); i++) {
            Candidate c = found.get(i);
            if (c.start() < end) {
                end = Math.max(end, c.end());
                if (c.priority() > best.priority()
                        || c.priority() == best.priority() && c.end() - c.start() > best.end() - best.start()) {
                    best = c;
                }
            } else {
                spans.add(new PhiSpan(start, end, best.category()));
                best = c;
                start = c.start();
                end = c.end();
            }
        }
        spans.add(new PhiSpan(start, end, best.category()));
        return spans;
    }
}

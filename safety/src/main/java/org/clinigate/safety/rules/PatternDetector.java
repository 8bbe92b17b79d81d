package org.clinigate.safety.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.safety.config.Params;

/**
 * The declarative detector: alternatives of clauses over the folded text (see {@link Inspection#folded()}).
 *
 * <pre>
 * detector:
 *   type: pattern
 *   report: first | each        # one hit per rule, or one per anchor match (default first)
 *   scope: text | sentence      # where the other clauses must match, relative to the anchor (default text)
 *   when:                       # the rule fires when any alternative holds
 *     - all:  [clause, ...]     # every clause matches; the first is the anchor the hit points at
 *       none: [clause, ...]     # and no clause here matches
 * clause: {any: [regex, ...]} or {cue: name}, optionally with
 *   not-after: [regex, ...]     # a match is void when one of these occurs in the window before it
 *   not-before: [regex, ...]    # or in the window after it
 *   window: 30                  # characters, default 30, kept within the match's sentence
 * </pre>
 *
 * A detector with only {@code any} at the top is shorthand for one alternative of one clause. Immutable and thread
 * safe; the regular expressions are compiled once and, like the folded text they see, written in lower case.
 */
final class PatternDetector implements Detector {

    /**
     * One regular expression of a clause, with the literals a match needs and those it starts with (each null: none
     * known).
     */
    private record Item(Pattern pattern, Prefilter prefilter, Leads leads) {
        static Item of(Pattern p) {
            return new Item(p, Prefilter.of(List.of(p.pattern())), Leads.of(p.pattern()));
        }
    }

    /**
     * A clause: its items (the list it was written as; any may match) and its guards. Each item carries its own
     * prefilter, so one item without literals does not make the others run on every text.
     */
    private record Clause(List<Item> items, Pattern notAfter, Pattern notBefore, int window) {
    }

    private record Alternative(List<Clause> all, List<Clause> none) {
    }

    private final List<Alternative> when;
    private final boolean each;
    private final boolean sentenceScope;

    private PatternDetector(List<Alternative> when, boolean each, boolean sentenceScope) {
        this.when = List.copyOf(when);
        this.each = each;
        this.sentenceScope = sentenceScope;
    }

    static PatternDetector create(Params p, Map<String, Pattern> cues) {
        String report = p.text("report", "first");
        String scope = p.text("scope", "text");
        if (!report.equals("first") && !report.equals("each")) {
            throw p.fail("report", "must be 'first' or 'each'");
        }
        if (!scope.equals("text") && !scope.equals("sentence")) {
            throw p.fail("scope", "must be 'text' or 'sentence'");
        }
        List<Alternative> alternatives = new ArrayList<>();
        if (p.has("any")) {
            if (p.has("when")) {
                throw p.fail("any", "use either 'any' or 'when', not both");
            }
            alternatives.add(new Alternative(List.of(new Clause(items(p), null, null, 0)), List.of()));
        } else {
            for (Params alt : p.objects("when", true)) {
                List<Clause> all = new ArrayList<>();
                for (Params c : alt.objects("all", true)) {
                    all.add(clause(c, cues));
                }
                List<Clause> none = new ArrayList<>();
                for (Params c : alt.objects("none", false)) {
                    none.add(clause(c, cues));
                }
                alt.done();
                alternatives.add(new Alternative(all, none));
            }
        }
        return new PatternDetector(alternatives, report.equals("each"), scope.equals("sentence"));
    }

    private static Clause clause(Params c, Map<String, Pattern> cues) {
        List<Item> items;
        if (c.has("any") == c.has("cue")) {
            throw c.fail("any", "a clause has exactly one of 'any' and 'cue'");
        }
        if (c.has("cue")) {
            String name = c.text("cue");
            Pattern pattern = cues.get(name);
            if (pattern == null) {
                throw c.fail("cue", "no cue of this name; defined: " + cues.keySet());
            }
            items = List.of(Item.of(pattern));
        } else {
            items = items(c);
        }
        Pattern notAfter = c.has("not-after") ? c.regex("not-after") : null;
        Pattern notBefore = c.has("not-before") ? c.regex("not-before") : null;
        int window = (int) c.number("window", 30, 1);
        c.done();
        return new Clause(items, notAfter, notBefore, window);
    }

    /** The patterns of {@code any}, validated together (errors name their index), compiled one by one. */
    private static List<Item> items(Params p) {
        List<String> patterns = p.texts("any");
        p.compile("any", patterns);
        List<Item> items = new ArrayList<>();
        for (String one : patterns) {
            items.add(Item.of(Pattern.compile(one)));
        }
        return items;
    }

    @Override
    public void detect(Inspection in, Consumer<Hit> out) {
        int[] whole = {0, in.text().length()};
        for (Alternative alt : when) {
            boolean fired = false;
            int[] lastRegion = null;
            boolean lastHeld = false;
            for (int[] anchor : matches(alt.all.get(0), in, whole, each || sentenceScope)) {
                int[] region = sentenceScope ? in.sentenceAt(anchor[0]) : whole;
                // Anchors come in text order; several in one sentence share its verdict.
                boolean held = lastRegion != null && lastRegion[0] == region[0] && lastRegion[1] == region[1]
                        ? lastHeld
                        : holds(alt, in, region);
                lastRegion = region;
                lastHeld = held;
                if (held) {
                    out.accept(Hit.at(anchor[0], anchor[1]));
                    fired = true;
                    if (!each) {
                        break;
                    }
                } else if (!sentenceScope) {
                    break; // the other clauses see the whole text: no later anchor can change the answer
                }
            }
            if (fired && !each) {
                return;
            }
        }
    }

    private static boolean holds(Alternative alt, Inspection in, int[] region) {
        for (int i = 1; i < alt.all.size(); i++) {
            if (!exists(alt.all.get(i), in, region)) {
                return false;
            }
        }
        for (Clause c : alt.none) {
            if (exists(c, in, region)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when some item of the clause has an unguarded match in {@code region}: what {@link #matches} would find
     * non-empty, but stopping at the first item that matches (cues are long lists, and most texts match an early one).
     */
    private static boolean exists(Clause c, Inspection in, int[] region) {
        String f = in.folded();
        for (Item item : c.items) {
            if (item.prefilter != null && !item.prefilter.mayMatch(in)) {
                continue;
            }
            if (item.leads != null) {
                List<int[]> one = new ArrayList<>(1);
                led(item, c, in, region, false, one);
                if (!one.isEmpty()) {
                    return true;
                }
                continue;
            }
            Matcher m = item.pattern.matcher(f).region(region[0], region[1]);
            while (m.find()) {
                if (m.end() > m.start() && !voided(c, in, m.start(), m.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The clause's unguarded matches in {@code region}, in text order: all of them when {@code all}, else the first
     * of each item (enough to decide and to anchor the first hit).
     */
    private static List<int[]> matches(Clause c, Inspection in, int[] region, boolean all) {
        List<int[]> found = new ArrayList<>();
        String f = in.folded();
        for (Item item : c.items) {
            if (item.prefilter != null && !item.prefilter.mayMatch(in)) {
                continue;
            }
            if (item.leads != null) {
                led(item, c, in, region, all, found);
                continue;
            }
            Matcher m = item.pattern.matcher(f).region(region[0], region[1]);
            while (m.find()) {
                if (m.end() > m.start() && !voided(c, in, m.start(), m.end())) {
                    found.add(new int[]{m.start(), m.end()});
                    if (!all) {
                        break;
                    }
                }
            }
        }
        found.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        return found;
    }

    /**
     * The same matches as the {@code find()} loop over {@code region}, found by trying only where a leading literal
     * occurs (see {@link Leads}). A sentence region is searched as a string of its own: a region with the matcher's
     * default opaque, anchoring bounds behaves exactly like one, and the transparent bounds the led search needs then
     * see nothing past the sentence.
     */
    private static void led(Item item, Clause c, Inspection in, int[] region, boolean all, List<int[]> found) {
        String f = in.folded();
        boolean whole = region[0] == 0 && region[1] == f.length();
        if (!whole && !item.leads.anyIn(f, region[0], region[1], in)) {
            return; // no lead in this sentence: no match can start in it
        }
        String t = whole ? f : f.substring(region[0], region[1]);
        int offset = region[0];
        Matcher m = item.pattern.matcher(t);
        int from = 0;
        while (from <= t.length() && item.leads.find(m, t, from, in)) {
            int start = m.start() + offset;
            int end = m.end() + offset;
            from = m.end() > m.start() ? m.end() : m.start() + 1;
            if (end > start && !voided(c, in, start, end)) {
                found.add(new int[]{start, end});
                if (!all) {
                    return;
                }
            }
        }
    }

    private static boolean voided(Clause c, Inspection in, int start, int end) {
        if (c.notAfter == null && c.notBefore == null) {
            return false;
        }
        int[] s = in.sentenceAt(start);
        String f = in.folded();
        if (c.notAfter != null) {
            int from = Math.max(s[0], start - c.window);
            if (c.notAfter.matcher(f).region(from, start).find()) {
                return true;
            }
        }
        if (c.notBefore != null) {
            int to = Math.min(Math.max(s[1], end), end + c.window);
            return c.notBefore.matcher(f).region(end, to).find();
        }
        return false;
    }
}

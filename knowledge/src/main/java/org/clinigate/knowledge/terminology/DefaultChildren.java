package org.clinigate.knowledge.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The billable default of every category or subcategory that has an unspecified billable code under it: the
 * descendant whose description says "unspecified" most often (the tabular list's default for a problem that names no more, such as
 * H40.009 "Preglaucoma, unspecified, unspecified eye" under H40.0 "Glaucoma suspect"), then the shortest code, then
 * tabular order. A ranking puts it just before its non-billable ancestor, which is not valid on a claim. Immutable
 * and thread safe.
 */
final class DefaultChildren {

    /** Places of a ranking that are checked for non-billable codes; later places are left as ranked. */
    static final int PLACES = 10;
    private static final Pattern UNSPECIFIED = Pattern.compile("\\bunspecified\\b", Pattern.CASE_INSENSITIVE);

    private final Map<Integer, Integer> defaults;

    DefaultChildren(IcdCode[] codes) {
        Map<String, Integer> byCode = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            byCode.put(codes[i].code(), i);
        }
        Map<Integer, Integer> best = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            if (!codes[i].billable() || unspecified(codes[i]) == 0) {
                continue; // a category whose children all name something specific has no default
            }
            String code = codes[i].code();
            for (int len = 3; len < code.length(); len++) {
                Integer parent = byCode.get(code.substring(0, len));
                if (parent != null && !codes[parent].billable()) {
                    best.merge(parent, i, (a, b) -> better(codes, b, a) ? b : a);
                }
            }
        }
        this.defaults = Map.copyOf(best);
    }

    private static boolean better(IcdCode[] codes, int candidate, int current) {
        int u = unspecified(codes[candidate]) - unspecified(codes[current]);
        if (u != 0) {
            return u > 0;
        }
        int len = codes[candidate].code().length() - codes[current].code().length();
        return len != 0 ? len < 0 : candidate < current;
    }

    private static int unspecified(IcdCode code) {
        Matcher m = UNSPECIFIED.matcher(code.description());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The default billable descendant of a non-billable code, or -1 when it has none. */
    int of(int code) {
        return defaults.getOrDefault(code, -1);
    }

    /**
     * The ranking ({code index, score}, best first) with the default child of each non-billable code among the first
     * {@value #PLACES} placed just before it, at its score, and moved from wherever it was lower down; a child
     * already ranked above its ancestor stays where it is.
     */
    List<double[]> billableFirst(List<double[]> ranked) {
        List<double[]> out = new ArrayList<>(ranked);
        for (int i = 0; i < out.size() && i < PLACES; i++) {
            int child = of((int) out.get(i)[0]);
            int at = child < 0 ? -1 : indexOf(out, child);
            if (child < 0 || (at >= 0 && at < i)) {
                continue;
            }
            if (at > i) {
                out.remove(at);
            }
            out.add(i, new double[]{child, out.get(i)[1]});
            i++; // the ancestor, now one place lower
        }
        return out;
    }

    private static int indexOf(List<double[]> ranked, int code) {
        for (int i = 0; i < ranked.size(); i++) {
            if ((int) ranked.get(i)[0] == code) {
                return i;
            }
        }
        return -1;
    }
}

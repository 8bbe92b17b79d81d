package org.clinigate.deid.detect;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.PhiCategory;

/**
 * One regular-expression rule, tried where its {@link Anchor} allows: the pattern, the capture group that holds the identifier, its category,
 * and an optional validator (a checksum, a calendar check) that a match must pass.
 */
record Rule(String id, Pattern pattern, int group, PhiCategory category, int priority, Predicate<Matcher> valid,
        Anchor anchor)
        implements
            Detector {

    static Rule of(String id, String regex, int group, PhiCategory category, int priority) {
        return new Rule(id, Pattern.compile(regex), group, category, priority, m -> true, Anchor.EVERYWHERE);
    }

    static Rule of(String id, String regex, int group, PhiCategory category, int priority,
            Predicate<Matcher> valid) {
        return new Rule(id, Pattern.compile(regex), group, category, priority, valid, Anchor.EVERYWHERE);
    }

    static Rule ci(String id, String regex, int group, PhiCategory category, int priority) {
        return new Rule(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), group, category, priority, m -> true,
                Anchor.EVERYWHERE);
    }

    static Rule ci(String id, String regex, int group, PhiCategory category, int priority,
            Predicate<Matcher> valid) {
        return new Rule(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), group, category, priority, valid,
                Anchor.EVERYWHERE);
    }

    /** This rule, tried only where {@code where} says a match can begin. */
    Rule at(Anchor where) {
        return new Rule(id, pattern, group, category, priority, valid, where);
    }

    /** The text being matched, for validators that look around a match; set for the duration of detect. */
    static final ThreadLocal<String> CURRENT_TEXT = new ThreadLocal<>();

    @Override
    public void detect(TextView text, List<Candidate> out) {
        CURRENT_TEXT.set(text.text);
        Matcher matcher = pattern.matcher(text.text).useTransparentBounds(true).useAnchoringBounds(false);
        anchor.scan(text.positions(), matcher, m -> {
            int s = m.start(group);
            int e = m.end(group);
            if (s >= 0 && e > s && valid.test(m)) {
                out.add(new Candidate(s, e, category, priority));
            }
        });
    }
}

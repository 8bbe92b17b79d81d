package org.clinigate.deid.detect;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.PhiCategory;

/**
 * One regular-expression rule: the pattern, the capture group that holds the identifier, its category,
 * and an optional validator (a checksum, a calendar check) that a match must pass.
 */
record Rule(String id, Pattern pattern, int group, PhiCategory category, int priority, Predicate<Matcher> valid)
        implements
            Detector {

    static Rule of(String id, String regex, int group, PhiCategory category, int priority) {
        return new Rule(id, Pattern.compile(regex), group, category, priority, m -> true);
    }

    static Rule of(String id, String regex, int group, PhiCategory category, int priority,
            Predicate<Matcher> valid) {
        return new Rule(id, Pattern.compile(regex), group, category, priority, valid);
    }

    static Rule ci(String id, String regex, int group, PhiCategory category, int priority) {
        return new Rule(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), group, category, priority, m -> true);
    }

    static Rule ci(String id, String regex, int group, PhiCategory category, int priority,
            Predicate<Matcher> valid) {
        return new Rule(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), group, category, priority, valid);
    }

    /** The text being matched, for validators that look around a match; set for the duration of detect. */
    static final ThreadLocal<String> CURRENT_TEXT = new ThreadLocal<>();

    @Override
    public void detect(TextView text, List<Candidate> out) {
        CURRENT_TEXT.set(text.text);
        Matcher m = pattern.matcher(text.text);
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            if (s >= 0 && e > s && valid.test(m)) {
                out.add(new Candidate(s, e, category, priority));
            }
        }
    }
}

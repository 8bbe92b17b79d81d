package org.clinigate.safety.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailAction;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Severity;
import org.clinigate.core.rails.Verdict;

/**
 * A {@link Rail} that runs every rule of one {@link RuleSet} that applies to the context's task.
 *
 * <p>The verdict is {@link Verdict.Block} when a blocking rule fired (its answer is that of the most severe blocking
 * rule, the first in file order among equals); otherwise {@link Verdict.Flag} when any rule fired, with the text after
 * every replacing rule's span was replaced (overlapping spans: the earlier wins); otherwise {@link Verdict#PASS}.
 * Flags are sorted by offset.
 *
 * <p>A detector that throws (a bug) does not fail the check: its rule raises a {@link Severity#HIGH} flag over the
 * whole text saying the rule could not run, so nothing passes unchecked in silence. Immutable and thread safe.
 */
public final class RuleSetRail implements Rail {

    private final RuleSet rules;

    public RuleSetRail(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public RuleSet ruleSet() {
        return rules;
    }

    @Override
    public String name() {
        return rules.name();
    }

    @Override
    public Verdict check(String text, RailContext context) {
        String t = text == null ? "" : text;
        Inspection in = new Inspection(t, context == null ? RailContext.empty() : context);
        List<RailFlag> flags = new ArrayList<>();
        Rule blocker = null;
        for (Rule rule : rules.rules()) {
            if (!rule.appliesTo(in.context().task())) {
                continue;
            }
            int before = flags.size();
            run(rule, in, flags);
            if (flags.size() > before && rule.action() == RailAction.BLOCK && (blocker == null || rule.severity()
                    .compareTo(blocker.severity()) > 0)) {
                blocker = rule;
            }
        }
        if (flags.isEmpty()) {
            return Verdict.PASS;
        }
        flags.sort(null);
        if (blocker != null) {
            return new Verdict.Block(flags, blocker.answer());
        }
        return new Verdict.Flag(flags, replaced(t, flags));
    }

    private static void run(Rule rule, Inspection in, List<RailFlag> flags) {
        int size = in.text().length();
        try {
            rule.detector().detect(in, h -> flags.add(new RailFlag(rule.id(), rule.severity(), rule.action(), Math
                    .min(h.start(), size), Math.min(h.end(), size),
                    h.message() == null
                            ? rule.message()
                            : h
                                    .message())));
        } catch (RuntimeException | StackOverflowError e) {
            flags.add(new RailFlag(rule.id(), Severity.HIGH, RailAction.FLAG, 0, size, "rule could not run ("
                    + e.getClass().getSimpleName() + "); the text was not checked by it"));
        }
    }

    private String replaced(String text, List<RailFlag> sorted) {
        StringBuilder sb = null;
        int copied = 0;
        for (RailFlag f : sorted) {
            if (f.action() != RailAction.REPLACE || f.start() < copied || f.end() == f.start()) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            String replacement = rules.rule(f.rule()).map(Rule::replacement).orElse("");
            sb.append(text, copied, f.start()).append(replacement);
            copied = f.end();
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, text.length()).toString();
    }

    /**
     * Runs every rule's own tests against that rule alone (a test whose task the rule skips expects no match) and returns a
     * line per failure (rule id, test number, expectation); empty when all pass. Failure lines carry no test text.
     */
    public List<String> selfTest() {
        List<String> failures = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (int i = 0; i < rule.tests().size(); i++) {
                RuleTest t = rule.tests().get(i);
                List<RailFlag> flags = new ArrayList<>();
                if (!rule.exceptTasks().contains(t.context().task())) {
                    // a test given a task the rule skips checks the skip, as check() would
                    run(rule, new Inspection(t.text(), t.context()), flags);
                }
                if (flags.isEmpty() == t.expectMatch()) {
                    failures.add(rule.id() + " test " + (i + 1) + ": expected " + (t.expectMatch()
                            ? "a match"
                            : "no match") + ", got " + flags.size() + " flags");
                }
            }
        }
        return failures;
    }

    /** Fails with {@link ErrorCode#CG_6003} naming the first failing rule test, if any. */
    public RuleSetRail verified() {
        List<String> failures = selfTest();
        if (!failures.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_6003, rules.name() + ": " + failures.size()
                    + " rule tests fail; first: " + failures.get(0));
        }
        return this;
    }
}

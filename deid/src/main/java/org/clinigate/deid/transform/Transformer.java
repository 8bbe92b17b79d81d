package org.clinigate.deid.transform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Mode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;

/**
 * Rewrites a text given its spans and a policy. Reversible modes record each replacement in the scope's
 * {@link PhiMap}; a pseudonym that already appears literally in the input is never issued, so
 * re-linking cannot turn an innocent "[NAME_1]" in the input into someone's name. Stateless and thread
 * safe.
 */
public final class Transformer {

    /** The text written in redact mode. Fixed, so that it leaks not even the length of the value. */
    public static final String REDACTED = "[REDACTED]";

    private static final Pattern PSEUDONYM = Pattern.compile("\\[[A-Z][A-Z_]*_[0-9]{1,9}\\]");

    /** Applies {@code policy} to every span; spans must be sorted, in bounds and not overlapping. */
    public Deidentified apply(String text, List<PhiSpan> spans, DeidPolicy policy, PhiMap scope) {
        if (spans.isEmpty()) {
            return new Deidentified(text, spans);
        }
        Set<String> present = presentPseudonyms(text);
        StringBuilder out = new StringBuilder(text.length() + spans.size() * 4);
        int last = 0;
        for (PhiSpan s : spans) {
            out.append(text, last, s.start());
            String value = text.substring(s.start(), s.end());
            out.append(replacement(s.category(), value, policy.modeFor(s.category()), scope, present));
            last = s.end();
        }
        out.append(text, last, text.length());
        return new Deidentified(out.toString(), spans);
    }

    private String replacement(PhiCategory c, String value, Mode mode, PhiMap scope, Set<String> present) {
        return switch (mode) {
            case TAG -> c.tag();
            case REDACT -> REDACTED;
            case PSEUDONYM -> scope.replacementFor(c, value, n -> {
                String p = "[" + c.name() + "_" + n + "]";
                return present.contains(p) ? null : p;
            });
            case SURROGATE -> surrogate(c, value, scope, present);
        };
    }

    private String surrogate(PhiCategory c, String value, PhiMap scope, Set<String> present) {
        long seed = scope.scopeId().hashCode() * 1_000_003L + scope.dateShiftDays();
        if (c == PhiCategory.AGE || c == PhiCategory.DATE && value.matches("\\d{4}")) {
            // Aggregated values (90+) are not unique, so they are not reversible by design.
            return Surrogates.of(c, value, 0, seed, scope.dateShiftDays());
        }
        return scope.replacementFor(c, value, n -> {
            String s = Surrogates.of(c, value, n, seed, scope.dateShiftDays());
            return present.contains(s) ? null : s;
        });
    }

    private static Set<String> presentPseudonyms(String text) {
        if (text.indexOf('[') < 0) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        Matcher m = PSEUDONYM.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}

package org.clinigate.safety.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.safety.config.Params;

/**
 * Fires on every pseudonym-shaped token ({@code [CATEGORY_N]}, any case, spaces inside the brackets tolerated) that
 * is not one of the call's pseudonyms. Such a token was invented by the model or leaked from another scope; it must
 * not be re-linked and should not reach a record. When the context does not know the scope, nothing is judged.
 *
 * <pre>
 * detector:
 *   type: pseudonym-scope
 *   pattern: ['\[\s*([a-z][a-z_]*?)_(\d{1,9})\s*\]']   # optional; group 1 category, group 2 number
 * </pre>
 */
final class PseudonymScopeDetector implements Detector {

    private static final Set<String> KNOWN = java.util.Arrays.stream(PhiCategory.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    static final String DEFAULT = "\\[\\s*([a-z][a-z_]*?)_(\\d{1,9})\\s*\\]";

    private final Pattern pattern;

    private PseudonymScopeDetector(Pattern pattern) {
        this.pattern = pattern;
    }

    static PseudonymScopeDetector create(Params p) {
        Pattern pattern = p.has("pattern") ? p.regex("pattern") : Pattern.compile(DEFAULT, Pattern.CASE_INSENSITIVE);
        if (pattern.matcher("").groupCount() < 2) {
            throw p.fail("pattern", "needs two groups: the category and the number");
        }
        return new PseudonymScopeDetector(pattern);
    }

    @Override
    public void detect(Inspection in, Consumer<Hit> out) {
        Optional<Set<String>> scope = in.context().pseudonyms();
        if (scope.isEmpty()) {
            return;
        }
        Set<String> allowed = scope.get();
        Matcher m = pattern.matcher(in.folded());
        while (m.find()) {
            String category = m.group(1).toUpperCase(Locale.ROOT);
            String token = "[" + category + "_" + Integer.parseInt(m.group(2)) + "]";
            if (!allowed.contains(token) && !allowed.contains(token.toLowerCase(Locale.ROOT))) {
                // Only a known category name is printed: a made-up bracket word could hold a real name.
                String kind = KNOWN.contains(category) ? "a " + category + " pseudonym" : "a pseudonym-shaped token";
                out.accept(new Hit(m.start(), m.end(), kind
                        + " that is not in this conversation's scope (invented or leaked)"));
            }
        }
    }
}

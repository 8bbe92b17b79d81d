package org.clinigate.safety.rules;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A cursor over a regular expression's source with the syntax steps that {@link Prefilter} and {@link Leads} both
 * need: skipping quantifiers, escape arguments, character classes and braces. Constructs it does not understand
 * (a nested class, an unclosed brace, a back reference) throw {@link IllegalStateException}, which both readers turn
 * into "no literals known": the pattern then simply runs everywhere. Not thread safe; one per parse.
 */
abstract class RegexReader {

    final String re;
    int pos;

    RegexReader(String re) {
        this.re = re;
    }

    /**
     * branch ('|' branch)*: the union of the branches' sets, or null when one branch has none (a match could then
     * take that branch and contain none of the others' literals).
     */
    final Set<String> alternation() {
        Set<String> union = new LinkedHashSet<>();
        boolean known = true;
        while (true) {
            Set<String> b = branch();
            if (b == null) {
                known = false;
            } else {
                union.addAll(b);
            }
            if (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return known ? union : null;
        }
    }

    /** Reads one branch, up to '|' or ')', and returns its set of literals, or null when none is known. */
    abstract Set<String> branch();

    /** True when the next character is a quantifier that allows zero repetitions. */
    final boolean optionalNext() {
        if (pos >= re.length()) {
            return false;
        }
        char q = re.charAt(pos);
        return q == '?' || q == '*' || (q == '{' && re.startsWith("{0", pos));
    }

    /** Moves past a quantifier ({@code ? * + {n,m}}) and its lazy or possessive mark, if one is next. */
    final void skipQuantifier() {
        if (pos >= re.length()) {
            return;
        }
        char q = re.charAt(pos);
        if (q == '?' || q == '*' || q == '+') {
            pos++;
        } else if (q == '{') {
            skipBraces();
        } else {
            return;
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++;
        }
    }

    /** Skips what follows an escape letter as its argument: \\p{..}, \\x41, \\u00b5, \\cA, \\0101. */
    final void skipEscapeArgument(char e) {
        switch (e) {
            case 'p', 'P', 'N' -> {
                if (pos < re.length() && re.charAt(pos) == '{') {
                    skipBraces();
                } else {
                    pos++;
                }
            }
            case 'x' -> {
                if (pos < re.length() && re.charAt(pos) == '{') {
                    skipBraces();
                } else {
                    pos += 2;
                }
            }
            case 'u' -> pos += 4;
            case 'c' -> pos += 1;
            case '0' -> {
                while (pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7') {
                    pos++;
                }
            }
            default -> {
                if (Character.isDigit(e)) {
                    throw new IllegalStateException("back reference");
                }
            }
        }
    }

    final void skipBraces() {
        if (pos < re.length() && re.charAt(pos) == '{') {
            pos = re.indexOf('}', pos) + 1;
            if (pos == 0) {
                throw new IllegalStateException("unclosed brace");
            }
        }
    }

    /** Moves past a character class starting at '['. */
    final void skipClass() {
        pos++;
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        if (pos < re.length() && re.charAt(pos) == ']') {
            pos++;
        }
        while (re.charAt(pos) != ']') {
            if (re.charAt(pos) == '[') {
                throw new IllegalStateException("nested class");
            }
            pos += re.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }
}

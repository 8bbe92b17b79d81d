package org.clinigate.eval.grade;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds yes, no or maybe in a reply: the last {@code Answer: ...}, then "the answer is ...", then a reply that starts
 * with the word, then the last line that is only the word. Stateless and thread safe.
 */
public final class YesNoMaybeExtractor {

    private static final String W = "(yes|no|maybe)";
    private static final Pattern FINAL = Pattern.compile("(?i)answer\\s*(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?\\s*" + W
            + "\\b");
    private static final Pattern SENTENCE = Pattern.compile("(?i)\\banswer\\s+(?:is|would\\s+be)\\s*:?\\s*"
            + "[\"'*]*" + W + "\\b");
    private static final Pattern LEADING = Pattern.compile("(?i)^\\s*[\"'*]*" + W + "\\b");
    private static final Pattern ALONE = Pattern.compile("(?im)^\\s*[\"'*]*" + W + "[\"'*.!]*\\s*$");

    private YesNoMaybeExtractor() {
    }

    /** {@code yes}, {@code no} or {@code maybe}, or empty. */
    public static Optional<String> extract(String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        int think = reply.lastIndexOf("</think>");
        String text = think >= 0 && !reply.substring(think + 8).isBlank() ? reply.substring(think + 8) : reply;
        for (Pattern p : new Pattern[]{FINAL, SENTENCE}) {
            String last = last(p, text);
            if (last != null) {
                return Optional.of(last);
            }
        }
        Matcher lead = LEADING.matcher(text);
        if (lead.find()) {
            return Optional.of(lead.group(1).toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(last(ALONE, text));
    }

    private static String last(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1).toLowerCase(Locale.ROOT);
        }
        return found;
    }
}

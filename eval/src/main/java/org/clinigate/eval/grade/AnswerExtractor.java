package org.clinigate.eval.grade;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the option letter a chat model chose, without log-probabilities. Tries, in order, and takes the last match of
 * the first rule that matches:
 * <ol>
 * <li>an explicit final line: {@code Answer: X}, {@code Final answer: (X)}, {@code **Answer:** X};</li>
 * <li>a sentence: "the answer is X", "the correct option is (X)", "I would choose X", "X is correct";</li>
 * <li>a bold or boxed letter: {@code **X**}, {@code \boxed{X}};</li>
 * <li>a reply that starts with the letter: {@code X.}, {@code (X)}, {@code X)}, or is only the letter;</li>
 * <li>the text of exactly one option, in the last paragraph first, then anywhere;</li>
 * <li>the last standalone option letter in parentheses, or alone at the end.</li>
 * </ol>
 * Text inside {@code <think>...</think>} is ignored when a reply continues after it. Only letters among the options
 * count. Stateless and thread safe.
 */
public final class AnswerExtractor {

    private static final String L = "([A-J])";
    private static final Pattern FINAL = Pattern.compile("(?im)(?:final\\s+)?answer\\s*(?:\\*\\*)?\\s*[:：]\\s*"
            + "(?:\\*\\*)?\\s*(?:option\\s+)?[(\\[]?\\s*([A-Ja-j])\\s*[)\\].:]?(?:\\*\\*)?(?![A-Za-z])");
    private static final Pattern[] SENTENCES = {
            Pattern.compile("(?i)\\b(?:the\\s+)?(?:correct|best|right|most\\s+likely|final|most\\s+appropriate)?\\s*"
                    + "(?:answer|option|choice|response)\\s+(?:is|would\\s+be|=|should\\s+be)\\s*:?\\s*(?:option\\s+|"
                    + "choice\\s+)?(?:\\*\\*)?[(\\[]?" + L + "[)\\]]?(?:\\*\\*)?(?![A-Za-z])"),
            Pattern.compile("(?i)\\b(?:choose|select|pick|go\\s+with|opt\\s+for)\\s+(?:option\\s+|choice\\s+)?"
                    + "(?:\\*\\*)?[(\\[]?" + L + "[)\\]]?(?:\\*\\*)?(?![A-Za-z])"),
            Pattern.compile("(?:\\b(?i:option|choice)\\s+|(?<![A-Za-z])\\(|\\*\\*)" + L
                    + "\\)?(?:\\*\\*)?\\s+(?i:is\\s+(?:the\\s+)?(?:correct|right|best|most\\s+appropriate)|"
                    + "is\\s+correct)"),
            Pattern.compile("(?<![A-Za-z'])" + L + "\\s+is\\s+(?:the\\s+)?(?i:correct|right|best)\\b")};
    private static final Pattern BOLD = Pattern.compile("\\*\\*\\(?" + L + "\\)?[.:)]?\\*\\*|\\\\boxed\\{\\s*"
            + "(?:\\\\text\\{)?" + L + "\\}?\\s*\\}");
    private static final Pattern LEADING = Pattern.compile("^\\s*(?:\\*\\*)?[(\\[]?" + L
            + "(?:[)\\].:]|\\s*$|\\s+-\\s)");
    private static final Pattern PARENTHESISED = Pattern.compile("(?<![A-Za-z])\\(" + L + "\\)");
    private static final Pattern TRAILING = Pattern.compile("(?<![A-Za-z'])" + L + "[.)]?\\s*$");

    private AnswerExtractor() {
    }

    /**
     * The letter {@code reply} chose among {@code options} (letter to option text), or empty when none can be told.
     */
    public static Optional<String> extract(String reply, Map<String, String> options) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        String text = afterThinking(reply);
        String found = lastMatch(FINAL, text, options, true);
        for (int i = 0; found == null && i < SENTENCES.length; i++) {
            found = lastMatch(SENTENCES[i], text, options, false);
        }
        if (found == null) {
            found = lastMatch(BOLD, text, options, false);
        }
        if (found == null) {
            found = firstMatch(LEADING, text, options);
        }
        if (found == null) {
            found = byOptionText(text, options);
        }
        if (found == null) {
            found = lastMatch(PARENTHESISED, text, options, false);
        }
        if (found == null) {
            found = lastMatch(TRAILING, text, options, false);
        }
        return Optional.ofNullable(found);
    }

    private static String afterThinking(String reply) {
        int end = reply.lastIndexOf("</think>");
        if (end >= 0 && !reply.substring(end + 8).isBlank()) {
            return reply.substring(end + 8);
        }
        return reply;
    }

    private static String lastMatch(Pattern p, String text, Map<String, String> options, boolean anyCase) {
        Matcher m = p.matcher(text);
        String last = null;
        while (m.find()) {
            String letter = group(m);
            if (letter != null) {
                letter = anyCase ? letter.toUpperCase(Locale.ROOT) : letter;
                if (options.containsKey(letter)) {
                    last = letter;
                }
            }
        }
        return last;
    }

    private static String firstMatch(Pattern p, String text, Map<String, String> options) {
        Matcher m = p.matcher(text);
        if (m.find() && options.containsKey(group(m))) {
            return group(m);
        }
        return null;
    }

    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** The one option whose text the reply contains: first in its last paragraph, then anywhere. */
    private static String byOptionText(String text, Map<String, String> options) {
        String[] paragraphs = text.strip().split("\\n\\s*\\n");
        String last = byOptionTextIn(fold(paragraphs[paragraphs.length - 1]), options);
        return last != null ? last : byOptionTextIn(fold(text), options);
    }

    private static String byOptionTextIn(String folded, Map<String, String> options) {
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String option = fold(e.getValue());
            if (option.length() >= 3 && containsWord(folded, option)) {
                hits.add(e.getKey());
            }
        }
        // An option contained in another ("Aspirin" within "Aspirin and clopidogrel") is not a hit of its own.
        if (hits.size() > 1) {
            hits.removeIf(a -> hits.stream().anyMatch(b -> !b.equals(a) && fold(options.get(b)).contains(fold(
                    options.get(a)))));
        }
        return hits.size() == 1 ? hits.get(0) : null;
    }

    private static boolean containsWord(String haystack, String needle) {
        int from = 0;
        while (true) {
            int i = haystack.indexOf(needle, from);
            if (i < 0) {
                return false;
            }
            int end = i + needle.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1));
            boolean endOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }

    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[\\u2018\\u2019]", "'").replaceAll("[*_`]", "").replaceAll("\\s+", " ").strip()
                .replaceAll("[.;:,!]+$", "");
    }
}

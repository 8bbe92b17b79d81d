package org.clinigate.knowledge.terminology;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The one tokenizer that code descriptions, lexicon entries and queries share, so that the three always agree.
 * Lower case, accents dropped, apostrophes removed ({@code Crohn's} is {@code crohns}), a hyphen between letters
 * joins them ({@code gastro-esophageal}, {@code non-ST}), any other hyphen separates ({@code type-2}); words in
 * parentheses or square brackets are marked optional, as ICD-10-CM marks nonessential modifiers and synonyms. The
 * parts of a joined word follow it as optional words ({@code sickle-cell} gives {@code sicklecell}, {@code sickle},
 * {@code cell}), so either spelling matches.
 */
final class Tokens {

    /**
     * One word.
     *
     * @param word the normalized surface form
     * @param optional true inside parentheses or square brackets, and for the parts of a hyphenated word
     */
    record Token(String word, boolean optional) {
    }

    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    private Tokens() {
    }

    /** Lower case, accents and apostrophes removed; periods that are not decimal points become spaces. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = Character.toLowerCase(plain.charAt(i));
            if (c == '\'' || c == '\u2019' || c == '`') {
                continue;
            }
            boolean decimal = c == '.' && i > 0 && i + 1 < plain.length() && Character.isDigit(plain.charAt(i - 1))
                    && Character.isDigit(plain.charAt(i + 1));
            out.append(c == '.' && !decimal ? ' ' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Splits normalized text into tokens; see the class comment. */
    static List<Token> scan(String normalized) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        StringBuilder word = new StringBuilder();
        List<String> parts = new ArrayList<>();
        boolean wordOptional = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.') {
                if (word.isEmpty()) {
                    wordOptional = depth > 0;
                }
                word.append(c);
                continue;
            }
            if (c == '-' && !word.isEmpty() && Character.isLetter(word.charAt(word.length() - 1))
                    && i + 1 < normalized.length() && Character.isLetter(normalized.charAt(i + 1))) {
                parts.add(word.substring(parts.stream().mapToInt(String::length).sum()));
                continue;
            }
            flush(word, parts, wordOptional, out);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        flush(word, parts, wordOptional, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> parts, boolean optional, List<Token> out) {
        if (!word.isEmpty()) {
            String joined = word.toString();
            out.add(new Token(joined, optional));
            if (!parts.isEmpty()) {
                parts.add(joined.substring(parts.stream().mapToInt(String::length).sum()));
                for (String part : parts) {
                    out.add(new Token(part, true));
                }
            }
            word.setLength(0);
        }
        parts.clear();
    }

    /**
     * The Porter2 (Snowball English) stem of a normalized word; numbers and short words stay as they are, and so do
     * inflammations ({@code -itis}) and Latin genitives ({@code -ae}), which Porter2 would merge with their organ
     * ({@code hepatitis} and {@code hepatic}) or disease ({@code pneumoniae} and {@code pneumonia}).
     */
    static String stem(String word) {
        if (word.length() < 4 || !Character.isLetter(word.charAt(0)) || word.endsWith("itis") || word.endsWith("ae")) {
            return word;
        }
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}

package org.clinigate.safety.medication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds drug names in folded text by whole words: a name of up to four words ("isosorbide mononitrate",
 * "trimethoprim-sulfamethoxazole") matches when its words appear in order separated by a space, hyphen or slash.
 * The longest name at a place wins. A hash lookup per word, so the cost is linear in the text whatever the size of
 * the lexicon. Immutable and thread safe.
 */
public final class DrugLexicon {

    private static final int MAX_WORDS = 4;

    /** Words joined by single spaces, to the canonical drug name. */
    private final Map<String, String> names = new HashMap<>();

    /** Builds the lexicon from the dose table's drugs and the interaction table's groups. */
    public DrugLexicon(DoseTable doses, Interactions interactions) {
        for (Drug d : doses.drugs()) {
            add(d.name(), d.name());
            d.aliases().forEach(a -> add(a, d.name()));
        }
        interactions.aliases().forEach((drug, aliases) -> {
            add(drug, drug);
            aliases.forEach(a -> add(a, drug));
        });
    }

    private void add(String name, String canonical) {
        String key = String.join(" ", words(name.toLowerCase(Locale.ROOT)));
        if (!key.isEmpty()) {
            names.putIfAbsent(key, canonical);
        }
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The drugs named in {@code folded} (a {@link org.clinigate.safety.text.Folding folded} text), in order. */
    public List<DrugMention> find(String folded) {
        List<int[]> tokens = tokens(folded);
        List<DrugMention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            String drug = null;
            StringBuilder key = new StringBuilder();
            for (int n = 1; n <= MAX_WORDS && i + n <= tokens.size(); n++) {
                int[] t = tokens.get(i + n - 1);
                if (n > 1) {
                    int[] prev = tokens.get(i + n - 2);
                    if (!joinable(folded, prev[1], t[0])) {
                        break;
                    }
                    key.append(' ');
                }
                key.append(folded, t[0], t[1]);
                String hit = names.get(key.toString());
                if (hit != null) {
                    matched = n;
                    drug = hit;
                }
            }
            if (matched > 0) {
                out.add(new DrugMention(drug, tokens.get(i)[0], tokens.get(i + matched - 1)[1]));
                i += matched;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Whether two words are close enough to belong to one name: one space, hyphen or slash between them. */
    private static boolean joinable(String s, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c != ' ' && c != '-' && c != '/') {
                return false;
            }
        }
        return true;
    }

    private static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isWord(c)) {
                int j = i + 1;
                while (j < n && isWord(s.charAt(j))) {
                    j++;
                }
                // A word glued to digits ("500mg") is not a name; a name glued to a digit ("tylenol3") neither.
                if (Character.isLetter(c)) {
                    out.add(new int[]{i, j});
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}

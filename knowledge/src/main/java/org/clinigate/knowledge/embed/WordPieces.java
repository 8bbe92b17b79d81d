package org.clinigate.knowledge.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The WordPiece vocabulary of the MiniLM tokenizer, read from its {@code tokenizer.json}: which ids get a static
 * vector, and how common each is. Immutable, thread safe.
 */
final class WordPieces {

    /**
     * The rank given to single-character pieces ({@code a}, {@code 7}, {@code ;}, {@code ##s}, letters of other
     * scripts). The vocabulary lists them by code point, not by frequency, so their order says nothing; a middle
     * rank keeps digits, which matter in doses and thresholds, from being weighted like stop words.
     */
    static final int SINGLE_CHARACTER_RANK = 5000;

    private static final Pattern UNUSED = Pattern.compile("\\[unused\\d+]");

    private final String[] tokens;
    private final boolean[] special;
    private final int firstWord;

    private WordPieces(String[] tokens, boolean[] special) {
        this.tokens = tokens;
        this.special = special;
        this.firstWord = firstWord(tokens, special);
    }

    /** Parses the vocabulary out of a HuggingFace {@code tokenizer.json}. */
    static WordPieces parse(byte[] tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson);
        JsonNode vocab = root.path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException("tokenizer has no WordPiece vocabulary");
        }
        String[] tokens = new String[vocab.size()];
        for (var it = vocab.properties().iterator(); it.hasNext();) {
            var e = it.next();
            int id = e.getValue().asInt(-1);
            if (id < 0 || id >= tokens.length || tokens[id] != null) {
                throw new IOException("tokenizer vocabulary ids are not 0.." + (tokens.length - 1));
            }
            tokens[id] = e.getKey();
        }
        Set<Integer> declared = new HashSet<>();
        for (JsonNode added : root.path("added_tokens")) {
            if (added.path("special").asBoolean(false)) {
                declared.add(added.path("id").asInt(-1));
            }
        }
        boolean[] special = new boolean[tokens.length];
        for (int id = 0; id < tokens.length; id++) {
            special[id] = declared.contains(id) || UNUSED.matcher(tokens[id]).matches();
        }
        return new WordPieces(tokens, special);
    }

    /** How many ids the vocabulary has; the static table has one row per id. */
    int size() {
        return tokens.length;
    }

    /** Whether this id gets a vector: not a special token ([CLS], [SEP], [PAD], [MASK], [UNK]) nor [unusedN]. */
    boolean distilled(int id) {
        return !special[id];
    }

    /**
     * An estimate of the piece's frequency rank, 1 for the most common. After the special and single-character
     * blocks, BERT's WordPiece vocabulary is ordered roughly by frequency, starting with "the"; single-character
     * pieces get {@link #SINGLE_CHARACTER_RANK}.
     */
    int rank(int id) {
        String t = tokens[id];
        int chars = t.startsWith("##") ? t.codePointCount(2, t.length()) : t.codePointCount(0, t.length());
        if (chars <= 1 || id < firstWord) {
            return SINGLE_CHARACTER_RANK;
        }
        return id - firstWord + 1;
    }

    /** The first id of a piece that is longer than one character and is not special: "the" in BERT's vocabulary. */
    private static int firstWord(String[] tokens, boolean[] special) {
        for (int id = 0; id < tokens.length; id++) {
            if (!special[id] && !tokens[id].startsWith("##") && tokens[id].codePointCount(0, tokens[id]
                    .length()) > 1) {
                return id;
            }
        }
        return tokens.length;
    }
}

package org.clinigate.deid.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.clinigate.deid.lexicon.Lexicons;
import org.clinigate.deid.lexicon.PackedWords;

/**
 * A token's lexicon and cue bits, looked up by its region of the text, equal the bits of its lower-case string: the
 * region path skips building that string for ASCII tokens and must not change an answer.
 */
class TokenLookupTest {

    private static final Lexicons LEX = Lexicons.get();

    static {
        PhiDetector.standard(); // registers every cue list
    }

    @Property(tries = 3000)
    void region_bits_equal_string_bits(@ForAll("texts") String text) {
        TextView v = new TextView(text);
        for (int i = 0; i < v.size; i++) {
            String lower = v.lower(i);
            int expected = v.type[i] == TextView.WORD ? LEX.flags(lower) : 0;
            assertThat(v.flags(i, LEX)).as("flags of [%s] in [%s]", v.raw(i), text).isEqualTo(expected);
            assertThat(v.cues(i)).as("cues of [%s] in [%s]", v.raw(i), text).isEqualTo(CueSet.bitsOf(lower));
        }
    }

    @Property(tries = 500)
    void a_second_lookup_answers_as_the_first(@ForAll("words") String word) {
        // The first lookup may fill the shared cache; the second must read back the same bits.
        String text = "x " + word + " y";
        int to = 2 + word.length();
        long k0 = PackedWords.packLower(text, 2, to, 0);
        long k1 = PackedWords.packLower(text, 2, to, 8);
        int first = LEX.flags(text, 2, to, k0, k1);
        int second = LEX.flags(text, 2, to, k0, k1);
        assertThat(second).isEqualTo(first).isEqualTo(LEX.flags(word.toLowerCase(Locale.ROOT)));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of("Smith", "SMITH", "smith", "smiths", "patients", "PATIENT", "Presented", "presenting",
                "quickly", "Dob", "mrn", "rec'd", "don't", "I'm", "o'brien", "O'BRIEN", "Zzyzxq", "carries", "MARCH",
                "sept", "Hospital", "Medical", "new", "York", "dr", "Mrs", "&", "s");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(words(),
                Arbitraries.of(" ", "  ", "\n", ", ", ". ", "'s ", "\u2019s ", "-", "123", "Jos\u00e9", "M\u00dcLLER",
                        "na\u00efve", "\u2019", "caf\u00e9s", "STRA\u00dfE"));
        return piece.list().ofMaxSize(12).map(l -> String.join(" ", l));
    }
}

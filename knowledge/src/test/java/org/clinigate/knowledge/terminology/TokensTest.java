package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void joins_hyphenated_words_and_keeps_their_parts_as_optional_words() {
        List<Tokens.Token> tokens = Tokens.scan(Tokens.normalize("Sickle-cell disease, type-2"));

        assertThat(tokens).extracting(Tokens.Token::word).containsExactly("sicklecell", "sickle", "cell", "disease",
                "type", "2");
        assertThat(tokens.get(1).optional()).isTrue();
        assertThat(tokens.get(0).optional()).isFalse();
    }

    @Test
    void marks_words_in_parentheses_and_brackets_optional_and_drops_apostrophes_and_accents() {
        List<Tokens.Token> tokens = Tokens.scan(Tokens.normalize("Crohn's (regional) [Sj\u00f6gren] 2.5"));

        assertThat(tokens).extracting(Tokens.Token::word).containsExactly("crohns", "regional", "sjogren", "2.5");
        assertThat(tokens).extracting(Tokens.Token::optional).containsExactly(false, true, true, false);
    }

    @Test
    void does_not_merge_inflammations_or_latin_genitives_with_their_organ_or_disease() {
        assertThat(Tokens.stem("hepatitis")).isNotEqualTo(Tokens.stem("hepatic"));
        assertThat(Tokens.stem("esophagitis")).isNotEqualTo(Tokens.stem("esophageal"));
        assertThat(Tokens.stem("pneumoniae")).isNotEqualTo(Tokens.stem("pneumonia"));
        assertThat(Tokens.stem("diabetes")).isEqualTo(Tokens.stem("diabetic"));
    }

    @Test
    void corrects_misspellings_and_british_spellings_to_known_words() {
        SpellCorrector speller = new SpellCorrector(java.util.Map.of("pneumonia", 40, "anemia", 30, "asthma", 20,
                "esophagitis", 5, "hypertension", 9, "more", 50, "ice", 50, "blocking", 3));

        assertThat(speller.correct("pnemonia")).hasValue("pneumonia");
        assertThat(speller.correct("pnuemonia")).as("a transposition is one edit").hasValue("pneumonia");
        assertThat(speller.correct("anaemia")).hasValue("anemia");
        assertThat(speller.correct("oesophagitis")).hasValue("esophagitis");
        assertThat(speller.correct("hypertenshun")).as("two edits in a long word").hasValue("hypertension");
        assertThat(speller.correct("pneumonia")).isEmpty();
        assertThat(speller.correct("afib")).isEmpty();
    }

    @Test
    void leaves_ordinary_words_alone_rather_than_guess() {
        SpellCorrector speller = new SpellCorrector(java.util.Map.of("asthma", 20, "more", 50, "ice", 50, "blocking",
                3));

        assertThat(speller.correct("sore")).as("first letter changed").isEmpty();
        assertThat(speller.correct("lice")).as("first letter dropped").isEmpty();
        assertThat(speller.correct("bloating")).as("two edits in a short word").isEmpty();
        assertThat(speller.correct("athsma")).as("two edits in a short word").isEmpty();
    }
}

package org.clinigate.knowledge.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinigate.knowledge.cite.Finding.Supported;
import org.clinigate.knowledge.cite.Finding.Unsupported;
import org.clinigate.knowledge.embed.MiniLmEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verifier with a sentence embedder (all-MiniLM-L6-v2, in process): paraphrases in other words. */
class SemanticCitationTest {

    private static MiniLmEmbedder embedder;
    private static CitationVerifier semantic;

    static final List<NumberedSource> SOURCES = List.of(new NumberedSource(1, "chest-pain", "Chest pain red flags",
            "NICE", "2016", "People with acute chest pain should call emergency medical services rather than drive "
                    + "themselves to hospital. A 12-lead ECG should be recorded within 10 minutes of arrival."),
            new NumberedSource(2, "anaphylaxis", "Anaphylaxis", "Resuscitation Council UK", "2021",
                    "Give intramuscular adrenaline into the anterolateral thigh. Repeat the dose after 5 minutes if "
                            + "there is no improvement."));

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(1);
        semantic = new CitationVerifier(embedder);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void a_paraphrase_in_other_words_is_supported_by_meaning() {
        String answer = "If you get sudden pains in your chest, phone for an ambulance instead of getting in the car "
                + "and going to the hospital on your own [1].";
        assertThat(new CitationVerifier().verify(answer, SOURCES).ok()).as("word overlap alone").isFalse();
        CitationReport r = semantic.verify(answer, SOURCES);
        assertThat(r.of(Supported.class)).singleElement().satisfies(s -> {
            assertThat(s.match()).isEqualTo(Finding.Match.SEMANTIC);
            assertThat(s.score()).isBetween(CitationVerifier.DEFAULT_SEMANTIC_THRESHOLD, 1.0);
        });
    }

    @Test
    void meaning_does_not_excuse_a_changed_number_or_the_wrong_source() {
        assertThat(semantic.verify("Get an ECG with twelve leads done in the first 30 minutes after the patient "
                + "turns up [1].", SOURCES).of(Unsupported.class)).hasSize(1);
        assertThat(semantic.verify("If you get sudden pains in your chest, phone for an ambulance instead of getting "
                + "in the car and going to the hospital on your own [2].", SOURCES).of(Unsupported.class)).hasSize(1);
    }
}

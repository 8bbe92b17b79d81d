package org.clinigate.knowledge;

import java.util.List;

/** Three short guideline passages and a question that paraphrases the first, for the vector-search tests. */
final class ParaphraseFixture {

    static final String QUESTION = "signs of a heart attack";
    static final String ANSWER_SOURCE = "mi";

    private ParaphraseFixture() {
    }

    static List<SourceDocument> documents() {
        return List.of(SourceDocument.plain("mi", SourceMetadata.titled("Chest pain"),
                "Crushing chest pain spreading to the left arm with sweating suggests myocardial infarction."),
                SourceDocument.plain("fever", SourceMetadata.titled("Fever"),
                        "Infants under three months with a temperature of 38 C need urgent assessment."),
                SourceDocument.plain("inr", SourceMetadata.titled("Warfarin"),
                        "Keep the INR between 2 and 3 for atrial fibrillation."));
    }
}

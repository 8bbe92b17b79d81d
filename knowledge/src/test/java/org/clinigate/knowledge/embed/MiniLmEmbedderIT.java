package org.clinigate.knowledge.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** all-MiniLM-L6-v2 against the embedder contract (loads the model once, about a second). */
class MiniLmEmbedderIT extends EmbedderContract {

    static MiniLmEmbedder model;

    @BeforeAll
    static void load() {
        model = new MiniLmEmbedder();
    }

    @AfterAll
    static void unload() {
        model.close();
    }

    @Override
    protected Embedder embedder() {
        return model;
    }
}

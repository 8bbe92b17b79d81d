package org.clinigate.knowledge.starter;

import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.MiniLmEmbedder;

/** Retrieval quality on the starter corpus with the bundled model, all-MiniLM-L6-v2. */
class StarterRetrievalIT extends StarterRetrieval {

    @Override
    Embedder embedder() {
        return new MiniLmEmbedder();
    }
}

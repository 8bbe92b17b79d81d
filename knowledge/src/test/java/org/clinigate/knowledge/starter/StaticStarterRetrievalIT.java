package org.clinigate.knowledge.starter;

import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.StaticTables;

/** Retrieval quality on the starter corpus with static vectors distilled from all-MiniLM-L6-v2 (ADR 0020). */
class StaticStarterRetrievalIT extends StarterRetrieval {

    @Override
    Embedder embedder() {
        return StaticTables.full();
    }
}

package org.clinigate.knowledge.embed;

/** The model-free embedder against the embedder contract. */
class HashingEmbedderTest extends EmbedderContract {

    private final HashingEmbedder embedder = new HashingEmbedder(64);

    @Override
    protected Embedder embedder() {
        return embedder;
    }
}

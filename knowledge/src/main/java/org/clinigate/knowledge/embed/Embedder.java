package org.clinigate.knowledge.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors whose dot product measures how close their meanings are. Implementations
 * are thread safe. A failure is a {@link org.clinigate.core.error.ClinigateException} with code CG-5006.
 */
public interface Embedder {

    /** The model's stable name, recorded in the index so that vectors of two models are never mixed. */
    String modelId();

    /** The length of every vector. */
    int dimension();

    /** One unit-length vector per text, in order. */
    List<float[]> embed(List<String> texts);

    /** The vector of one text. */
    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }
}

package org.clinigate.knowledge;

import java.util.Objects;

/**
 * A chunk returned by a search, with its source's metadata and its fused score.
 *
 * @param chunk the chunk, with its stable id and exact text
 * @param source the metadata of the chunk's document
 * @param score the reciprocal-rank-fusion score; higher is better; comparable only within one search
 * @param lexicalRank the chunk's 1-based rank in the BM25 list, or 0 when BM25 did not return it
 * @param vectorRank the chunk's 1-based rank in the vector list, or 0 when the vector search did not return it
 */
public record Passage(Chunk chunk, SourceMetadata source, double score, int lexicalRank, int vectorRank) {

    public Passage {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "Passage[" + chunk + ", score=" + score + ", lexicalRank=" + lexicalRank + ", vectorRank="
                + vectorRank + "]";
    }
}

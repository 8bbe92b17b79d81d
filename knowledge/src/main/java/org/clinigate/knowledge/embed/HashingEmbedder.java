package org.clinigate.knowledge.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model-free embedder: hashes lower-cased word unigrams and bigrams into a fixed number of signed buckets, then
 * normalizes. Texts that share words get close vectors; synonyms do not. It exists for tests and for benchmarks
 * that separate the index's own cost from the model's; never use it to ground answers. Thread safe.
 */
public final class HashingEmbedder implements Embedder {

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < 8) {
            throw new IllegalArgumentException("dimension must be at least 8, was " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public String modelId() {
        return "hashing-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(vector(text));
        }
        return out;
    }

    private float[] vector(String text) {
        float[] v = new float[dimension];
        String previous = null;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            add(v, word.hashCode());
            if (previous != null) {
                add(v, (previous + ' ' + word).hashCode());
            }
            previous = word;
        }
        return Vectors.normalize(v);
    }

    private void add(float[] v, int hash) {
        // Spread the bits with a multiplicative hash; the top bit chooses the sign.
        int h = hash * 0x9E3779B1;
        v[Math.floorMod(h, dimension)] += h < 0 ? -1f : 1f;
    }
}

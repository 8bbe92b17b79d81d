package org.clinigate.knowledge.embed;

/** Small vector helpers. */
final class Vectors {

    private Vectors() {
    }

    /** {@code v} scaled to unit length in place; a zero vector gets a fixed unit vector instead. */
    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0) {
            v[0] = 1f;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}

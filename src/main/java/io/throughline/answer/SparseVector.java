package io.throughline.answer;

/**
 * A feature vector that is mostly zeros: the indices that are not, in ascending order, and their values.
 *
 * @param indices positions of the non-zero features
 * @param values  their values, one per index
 */
public record SparseVector(int[] indices, float[] values) {

    /** A dense vector, every position kept, each value multiplied by {@code weight}. */
    public static SparseVector dense(float[] vector, float weight) {
        int[] indices = new int[vector.length];
        float[] values = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            indices[i] = i;
            values[i] = vector[i] * weight;
        }
        return new SparseVector(indices, values);
    }

    /** This vector followed by {@code other}, whose indices must all be above this one's. */
    public SparseVector concat(SparseVector other) {
        int[] joinedIndices = new int[indices.length + other.indices.length];
        float[] joinedValues = new float[joinedIndices.length];
        System.arraycopy(indices, 0, joinedIndices, 0, indices.length);
        System.arraycopy(other.indices, 0, joinedIndices, indices.length, other.indices.length);
        System.arraycopy(values, 0, joinedValues, 0, values.length);
        System.arraycopy(other.values, 0, joinedValues, values.length, other.values.length);
        return new SparseVector(joinedIndices, joinedValues);
    }
}

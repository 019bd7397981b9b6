package io.throughline.answer;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The intents of the {@value #NEIGHBOURS} examples most similar to a message, each weighted by how close it is: one
 * {@value #TEMPERATURE} less similar than the nearest counts 1/e as much. It catches the paraphrase of one known example
 * that a softmax head's smooth boundary misses.
 */
final class NeighbourVote {

    static final int NEIGHBOURS = 10;
    static final double TEMPERATURE = 0.02;

    private NeighbourVote() {
    }

    /** A probability per class from the similarities of a message to the examples, whose classes are {@code labels}. */
    static double[] of(double[] similarities, int[] labels, int classes) {
        PriorityQueue<Integer> closest = new PriorityQueue<>(Comparator.comparingDouble(i -> similarities[i]));
        for (int i = 0; i < similarities.length; i++) {
            closest.add(i);
            if (closest.size() > NEIGHBOURS) {
                closest.poll();
            }
        }
        double top = closest.stream().mapToDouble(i -> similarities[i]).max().orElse(0);
        double[] vote = new double[classes];
        double sum = 0;
        for (int i : closest) {
            double weight = Math.exp((similarities[i] - top) / TEMPERATURE);
            vote[labels[i]] += weight;
            sum += weight;
        }
        for (int c = 0; c < classes; c++) {
            vote[c] /= sum;
        }
        return vote;
    }
}

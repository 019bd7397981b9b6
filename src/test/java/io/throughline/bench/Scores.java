package io.throughline.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Accuracy and macro-F1 (the unweighted mean of each intent's F1) of predictions against the true intents. */
record Scores(double accuracy, double macroF1) {

    static Scores of(List<String> expected, List<String> predicted) {
        Map<String, Integer> truePositives = new HashMap<>();
        Map<String, Integer> expectedCounts = new HashMap<>();
        Map<String, Integer> predictedCounts = new HashMap<>();
        int correct = 0;
        for (int i = 0; i < expected.size(); i++) {
            expectedCounts.merge(expected.get(i), 1, Integer::sum);
            predictedCounts.merge(String.valueOf(predicted.get(i)), 1, Integer::sum);
            if (expected.get(i).equals(predicted.get(i))) {
                correct++;
                truePositives.merge(expected.get(i), 1, Integer::sum);
            }
        }
        double f1Sum = 0;
        TreeSet<String> intents = new TreeSet<>(expectedCounts.keySet());
        for (String intent : intents) {
            int tp = truePositives.getOrDefault(intent, 0);
            double precision = tp == 0 ? 0 : (double) tp / predictedCounts.get(intent);
            double recall = (double) tp / expectedCounts.get(intent);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Scores((double) correct / expected.size(), f1Sum / intents.size());
    }
}

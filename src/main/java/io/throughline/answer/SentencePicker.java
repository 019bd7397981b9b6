package io.throughline.answer;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.throughline.knowledge.Embeddings;

/** Quotes a passage: whole when short, else its sentences closest to the question, in their original order. */
final class SentencePicker {

    private static final int SHORT_PASSAGE_CHARS = 400;
    /** Sentences scoring this close to the best one are quoted along with it. */
    private static final double NEAR_BEST = 0.08;

    private final Embeddings embeddings;
    private final int maxSentences;

    SentencePicker(Embeddings embeddings, int maxSentences) {
        this.embeddings = embeddings;
        this.maxSentences = maxSentences;
    }

    String pick(String question, float[] questionVector, String passage) {
        List<String> sentences = Sentences.split(passage).stream()
                .filter(sentence -> !InstructionGuard.isInstruction(sentence))
                .toList();
        if (sentences.size() <= maxSentences || String.join(" ", sentences).length() <= SHORT_PASSAGE_CHARS) {
            return String.join("\n", sentences);
        }
        List<float[]> vectors = embeddings.embedAll(sentences);
        double[] scores = vectors.stream().mapToDouble(vector -> Embeddings.cosine(questionVector, vector)).toArray();
        double best = IntStream.range(0, scores.length).mapToDouble(i -> scores[i]).max().orElse(0);
        return IntStream.range(0, sentences.size()).boxed()
                .filter(i -> scores[i] >= best - NEAR_BEST)
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
                .limit(maxSentences)
                .sorted()
                .map(sentences::get)
                .collect(Collectors.joining("\n"));
    }
}

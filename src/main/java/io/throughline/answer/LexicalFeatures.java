package io.throughline.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TF-IDF of a message's words, word pairs and the 3- to 5-letter pieces of its words, unit length. The letter pieces
 * survive typos and word forms ("refund", "refunded", "refnd") that a whole-word vocabulary misses; the words and pairs
 * keep the phrases ("top up", "exchange rate") that tell intents apart when the embedding puts them close together.
 */
public final class LexicalFeatures {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final int offset;

    private LexicalFeatures(Map<String, Integer> vocabulary, float[] idf, int offset) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.offset = offset;
    }

    /** Learns the vocabulary and the inverse document frequencies of these texts; features start at {@code offset}. */
    public static LexicalFeatures fit(List<String> texts, int offset) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            terms(text).keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        float[] idf = new float[documentFrequency.size()];
        for (Map.Entry<String, Integer> entry : new TreeMap<>(documentFrequency).entrySet()) {
            int index = vocabulary.size();
            vocabulary.put(entry.getKey(), index);
            idf[index] = (float) (Math.log((1.0 + texts.size()) / (1.0 + entry.getValue())) + 1);
        }
        return new LexicalFeatures(vocabulary, idf, offset);
    }

    /** How many features this adds after {@code offset}. */
    public int dimension() {
        return idf.length;
    }

    public SparseVector features(String text) {
        TreeMap<Integer, Float> weights = new TreeMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> term : terms(text).entrySet()) {
            Integer index = vocabulary.get(term.getKey());
            if (index != null) {
                float weight = (float) ((1 + Math.log(term.getValue())) * idf[index]);
                weights.put(index + offset, weight);
                norm += weight * weight;
            }
        }
        int[] indices = new int[weights.size()];
        float[] values = new float[weights.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> weight : weights.entrySet()) {
            indices[i] = weight.getKey();
            values[i++] = (float) (weight.getValue() / Math.sqrt(norm));
        }
        return new SparseVector(indices, values);
    }

    static Map<String, Integer> terms(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            counts.merge("w " + words.get(w), 1, Integer::sum);
            if (w + 1 < words.size()) {
                counts.merge("p " + words.get(w) + " " + words.get(w + 1), 1, Integer::sum);
            }
            String padded = " " + words.get(w) + " ";
            for (int n = 3; n <= 5; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    counts.merge("c " + padded.substring(start, start + n), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}

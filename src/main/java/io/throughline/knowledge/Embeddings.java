package io.throughline.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The one in-process all-MiniLM-L6-v2 model, shared by retrieval and intent classification. Vectors are unit length
 * and must not be modified by callers: recent ones are kept, because one customer message is embedded by the intent
 * classifier, by retrieval and by the answerer's sentence picker, and the same passages' sentences come up again and
 * again.
 */
@Component
public class Embeddings {

    private static final int RECENT = 4_096;

    private final EmbeddingModel model;
    private final Map<String, float[]> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    });

    @Autowired
    public Embeddings() {
        this(new AllMiniLmL6V2EmbeddingModel());
    }

    Embeddings(EmbeddingModel model) {
        this.model = model;
    }

    public float[] embed(String text) {
        float[] known = recent.get(text);
        if (known != null) {
            return known;
        }
        float[] vector = unit(model.embed(text).content());
        recent.put(text, vector);
        return vector;
    }

    /** Embeds in one batch whatever was not embedded recently. */
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().filter(text -> !recent.containsKey(text)).distinct().toList();
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(TextSegment::from).toList();
            List<Embedding> vectors = model.embedAll(segments).content();
            for (int i = 0; i < missing.size(); i++) {
                recent.put(missing.get(i), unit(vectors.get(i)));
            }
        }
        return texts.stream().map(text -> recent.computeIfAbsent(text, this::embedOne)).toList();
    }

    private float[] embedOne(String text) {
        return unit(model.embed(text).content());
    }

    /** Cosine similarity of two unit vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] unit(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / norm);
            }
        }
        return vector;
    }
}

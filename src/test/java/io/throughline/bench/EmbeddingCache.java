package io.throughline.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.throughline.knowledge.Embeddings;

/**
 * Embeddings of a benchmark's texts, kept in one file so that a rerun does not embed 13,000 texts again. The file holds
 * each text next to its vector, so a changed data set only embeds what is new.
 */
final class EmbeddingCache {

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    EmbeddingCache(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int count = in.readInt();
                int dimension = in.readInt();
                for (int i = 0; i < count; i++) {
                    String text = in.readUTF();
                    float[] vector = new float[dimension];
                    for (int d = 0; d < dimension; d++) {
                        vector[d] = in.readFloat();
                    }
                    vectors.put(text, vector);
                }
            }
        }
    }

    /** The vectors of these texts, in their order; embeds and saves the ones the file does not hold yet. */
    List<float[]> embedAll(List<String> texts, Embeddings embeddings) throws IOException {
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
        missing.removeIf(vectors::containsKey);
        if (!missing.isEmpty()) {
            System.out.printf("embedding %,d texts (cached in %s for the next run)...%n", missing.size(), file);
            int batch = 256;
            for (int from = 0; from < missing.size(); from += batch) {
                List<String> part = missing.subList(from, Math.min(missing.size(), from + batch));
                List<float[]> embedded = embeddings.embedAll(part);
                for (int i = 0; i < part.size(); i++) {
                    vectors.put(part.get(i), embedded.get(i).clone());
                }
            }
            save();
        }
        return texts.stream().map(vectors::get).toList();
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(vectors.size());
            out.writeInt(vectors.values().iterator().next().length);
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                out.writeUTF(entry.getKey());
                for (float v : entry.getValue()) {
                    out.writeFloat(v);
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
}

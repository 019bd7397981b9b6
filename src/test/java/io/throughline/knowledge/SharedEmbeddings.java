package io.throughline.knowledge;

/** One real model per test JVM: loading it takes a second and every test class needs it. */
public final class SharedEmbeddings {

    private static Embeddings instance;

    private SharedEmbeddings() {
    }

    public static synchronized Embeddings get() {
        if (instance == null) {
            instance = new Embeddings();
        }
        return instance;
    }
}

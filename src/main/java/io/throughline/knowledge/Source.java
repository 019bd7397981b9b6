package io.throughline.knowledge;

import java.nio.file.Path;

/**
 * An ingested knowledge file.
 *
 * @param path    relative to the knowledge folder, with forward slashes, e.g. {@code shipping.md}
 * @param opening the text of its first chunk (what it opens with), or null if it has none
 */
public record Source(String path, String title, String opening) {

    /** HTML, else Markdown: {@link KnowledgeBase#text} gives any other type as Markdown made from its sections. */
    public boolean isHtml() {
        return KnowledgeFiles.isHtml(Path.of(path));
    }
}

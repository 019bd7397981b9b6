package io.throughline.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Gathers paragraphs under the current heading while a parser walks a document. */
final class SectionCollector {

    private final List<Chunk> sections = new ArrayList<>();
    private final List<String> paragraphs = new ArrayList<>();
    private String heading;

    void heading(String text) {
        flush();
        heading = text.isBlank() ? null : text.strip();
    }

    void paragraph(String text) {
        if (!text.isBlank()) {
            paragraphs.add(text.strip());
        }
    }

    List<Chunk> sections() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        if (!paragraphs.isEmpty()) {
            sections.add(new Chunk(heading, String.join("\n\n", paragraphs)));
            paragraphs.clear();
        }
    }
}

package io.throughline.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Cuts sections longer than the limit on paragraph boundaries, then sentences, so no chunk exceeds the limit by much. */
final class Chunker {

    private final int maxChars;

    Chunker(int maxChars) {
        this.maxChars = maxChars;
    }

    List<Chunk> chunk(List<Chunk> sections) {
        List<Chunk> chunks = new ArrayList<>();
        for (Chunk section : sections) {
            for (String part : split(section.text())) {
                chunks.add(new Chunk(section.section(), part));
            }
        }
        return chunks;
    }

    private List<String> split(String text) {
        if (text.length() <= maxChars) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            pieces.addAll(paragraph.length() <= maxChars ? List.of(paragraph) : hardSplit(paragraph));
        }
        return pack(pieces, "\n\n");
    }

    private List<String> hardSplit(String paragraph) {
        List<String> pieces = new ArrayList<>();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            for (int start = 0; start < sentence.length(); start += maxChars) {
                pieces.add(sentence.substring(start, Math.min(sentence.length(), start + maxChars)));
            }
        }
        return pack(pieces, " ");
    }

    private List<String> pack(List<String> pieces, String separator) {
        List<String> packed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && current.length() + separator.length() + piece.length() > maxChars) {
                packed.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(separator);
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            packed.add(current.toString());
        }
        return packed;
    }
}

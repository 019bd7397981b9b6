package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final Chunker chunker = new Chunker(100);

    @Test
    void keepsShortSectionsWhole() {
        List<Chunk> chunks = chunker.chunk(List.of(new Chunk("Hours", "Open Monday to Friday.")));

        assertThat(chunks).containsExactly(new Chunk("Hours", "Open Monday to Friday."));
    }

    @Test
    void splitsLongSectionsOnParagraphsKeepingTheHeading() {
        String first = "a".repeat(60);
        String second = "b".repeat(60);

        List<Chunk> chunks = chunker.chunk(List.of(new Chunk("Long", first + "\n\n" + second)));

        assertThat(chunks).containsExactly(new Chunk("Long", first), new Chunk("Long", second));
    }

    @Test
    void cutsAParagraphWithoutBreaksBySentencesAndLength() {
        String text = "One sentence here. ".repeat(12).strip();

        List<Chunk> chunks = chunker.chunk(List.of(new Chunk(null, text)));

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> assertThat(chunk.text()).hasSizeLessThanOrEqualTo(100));
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(text);
    }
}

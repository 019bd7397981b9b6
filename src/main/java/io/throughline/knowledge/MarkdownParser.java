package io.throughline.knowledge;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** Markdown to sections: the first {@code #} heading is the title, every heading opens a section. */
final class MarkdownParser {

    private final Parser parser = Parser.builder().build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    ParsedDocument parse(String markdown, String fallbackTitle) {
        String title = null;
        SectionCollector collector = new SectionCollector();
        for (Node block = parser.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                String headingText = text.render(heading).strip();
                if (title == null && heading.getLevel() == 1) {
                    title = headingText;
                }
                collector.heading(headingText);
            } else {
                collector.paragraph(text.render(block));
            }
        }
        return new ParsedDocument(title == null || title.isBlank() ? fallbackTitle : title, collector.sections());
    }
}

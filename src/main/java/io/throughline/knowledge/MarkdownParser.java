package io.throughline.knowledge;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/** Markdown to sections: the first {@code #} heading is the title, every heading opens a section. */
final class MarkdownParser {

    private final Parser parser = Parser.builder().build();
    // hard-wrapped source lines are one sentence to a reader: join them, keeping only list items on lines of their own
    private final TextContentRenderer text = TextContentRenderer.builder().lineBreakRendering(LineBreakRendering.STRIP).build();
    // the stripping renderer ends a heading with a colon; a heading is one line anyway
    private final TextContentRenderer headingText = TextContentRenderer.builder().build();

    ParsedDocument parse(String markdown, String fallbackTitle) {
        String title = null;
        SectionCollector collector = new SectionCollector();
        for (Node block = parser.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                String headingText = this.headingText.render(heading).strip();
                if (title == null && heading.getLevel() == 1) {
                    title = headingText;
                }
                collector.heading(headingText);
            } else if (block instanceof ListBlock list) {
                collector.paragraph(listItems(list));
            } else {
                collector.paragraph(text.render(block));
            }
        }
        return new ParsedDocument(title == null || title.isBlank() ? fallbackTitle : title, collector.sections());
    }

    private String listItems(ListBlock list) {
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            List<String> parts = new ArrayList<>();
            // the renderer needs the list around an item, so render what the item holds
            for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                parts.add(part instanceof ListBlock nested ? listItems(nested) : text.render(part).strip());
            }
            items.add("- " + String.join(" ", parts));
        }
        return String.join("\n", items);
    }
}

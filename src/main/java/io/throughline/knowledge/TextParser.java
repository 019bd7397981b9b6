package io.throughline.knowledge;

/** Plain text: paragraphs are separated by blank lines; there are no headings, so the file name is the title. */
final class TextParser {

    ParsedDocument parse(String text, String fallbackTitle) {
        SectionCollector collector = new SectionCollector();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            // hard-wrapped lines are one sentence to a reader
            collector.paragraph(paragraph.strip().replaceAll("\\s*\\R\\s*", " "));
        }
        return new ParsedDocument(fallbackTitle, collector.sections());
    }
}

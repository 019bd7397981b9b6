package io.throughline.knowledge;

import java.nio.file.Path;

/** Picks the parser by file type; the file name stands in for a missing title. */
final class DocumentParser {

    private final MarkdownParser markdown = new MarkdownParser();
    private final HtmlParser html = new HtmlParser();

    ParsedDocument parse(Path file, String content) {
        String fallbackTitle = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return KnowledgeFiles.isHtml(file) ? html.parse(content, fallbackTitle) : markdown.parse(content, fallbackTitle);
    }
}

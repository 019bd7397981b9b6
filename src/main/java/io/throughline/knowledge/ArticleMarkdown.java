package io.throughline.knowledge;

import java.nio.file.Path;

/**
 * A PDF, Word, spreadsheet or text source as Markdown, so the help centre can show it like any article: the title as
 * {@code #}, each section as {@code ##}, the text escaped so that nothing in it is read as Markdown syntax.
 */
final class ArticleMarkdown {

    private final DocumentParser parser = new DocumentParser();

    /** Only the title when the file no longer parses (it changed since it was ingested; the next run reports it). */
    String of(Path file, byte[] content) {
        StringBuilder markdown = new StringBuilder();
        try {
            ParsedDocument document = parser.parse(file, content);
            markdown.append("# ").append(escape(document.title())).append("\n\n");
            for (Chunk section : document.sections()) {
                if (section.section() != null && !section.section().equals(document.title())) {
                    markdown.append("## ").append(escape(section.section())).append("\n\n");
                }
                for (String paragraph : section.text().split("\n\n")) {
                    markdown.append(escape(paragraph).replace("\n", "  \n")).append("\n\n");
                }
            }
        } catch (RejectedSource e) {
            markdown.setLength(0);
        }
        return markdown.toString();
    }

    /** Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them is always safe. */
    static String escape(String text) {
        return text.replaceAll("([!-/:-@\\[-`{-~])", "\\\\$1");
    }
}

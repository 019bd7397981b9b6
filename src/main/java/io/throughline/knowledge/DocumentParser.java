package io.throughline.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Picks the parser by file type; the file name stands in for a missing title. */
final class DocumentParser {

    private final MarkdownParser markdown = new MarkdownParser();
    private final HtmlParser html = new HtmlParser();
    private final TextParser text = new TextParser();
    private final PdfParser pdf = new PdfParser();
    private final DocxParser docx = new DocxParser();
    private final CsvFaqParser csv = new CsvFaqParser();
    private final XlsxFaqParser xlsx = new XlsxFaqParser();

    /** A Markdown or HTML file's text. */
    ParsedDocument parse(Path file, String content) {
        String fallbackTitle = fallbackTitle(file);
        return KnowledgeFiles.isHtml(file) ? html.parse(content, fallbackTitle) : markdown.parse(content, fallbackTitle);
    }

    /** Any supported file's bytes; a file that is damaged or not what its extension says is rejected with the reason. */
    ParsedDocument parse(Path file, byte[] content) throws RejectedSource {
        SourceFormat format = SourceFormat.of(file).orElseThrow(() -> new RejectedSource(
                "unsupported file type; the knowledge folder takes " + SourceFormat.supported()));
        String fallbackTitle = fallbackTitle(file);
        try {
            return switch (format) {
                case MARKDOWN -> markdown.parse(utf8(content), fallbackTitle);
                case HTML -> html.parse(utf8(content), fallbackTitle);
                case TEXT -> text.parse(utf8(content), fallbackTitle);
                case CSV -> csv.parse(utf8(content), fallbackTitle);
                case PDF -> pdf.parse(content, fallbackTitle);
                case DOCX -> docx.parse(content, fallbackTitle);
                case XLSX -> xlsx.parse(content, fallbackTitle);
            };
        } catch (IOException | RuntimeException e) {
            // PDFBox and POI report a damaged or mislabelled file in many ways, unchecked ones included
            throw new RejectedSource("cannot be read as " + format.name() + " (damaged, encrypted or not really a "
                    + format.name() + " file): " + e.getMessage(), e);
        }
    }

    private static String fallbackTitle(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }

    /** Malformed UTF-8 (a page saved in another charset) becomes replacement characters instead of an error. */
    private static String utf8(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}

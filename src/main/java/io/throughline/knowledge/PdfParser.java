package io.throughline.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF: sections follow the outline (bookmarks) when the document has one, else each page is a section ("Page 3"). A
 * bookmark's title opens its section where that line appears on its page, or at the top of the page when it does not.
 * The title is the document's title property, else the file name.
 */
final class PdfParser {

    /** Marks the end of a paragraph in the stripper's output; lines within a paragraph are joined with spaces. */
    private static final String PARAGRAPH_END = "\u2029";
    private static final int MAX_OUTLINE_DEPTH = 16;
    private static final int MAX_BOOKMARKS = 10_000;

    ParsedDocument parse(byte[] pdf, String fallbackTitle) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<Integer, List<String>> bookmarksByPage = bookmarks(document);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd(PARAGRAPH_END);
            SectionCollector collector = new SectionCollector();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                if (bookmarksByPage.isEmpty()) {
                    collector.heading("Page " + page);
                    paragraphs(text, List.of(), collector);
                } else {
                    List<String> bookmarks = new ArrayList<>(bookmarksByPage.getOrDefault(page - 1, List.of()));
                    // bookmarks whose title is not a line of the page open their section at its top
                    for (String missing : bookmarks.stream().filter(title -> !containsLine(text, title)).toList()) {
                        collector.heading(missing);
                        bookmarks.remove(missing);
                    }
                    paragraphs(text, bookmarks, collector);
                }
            }
            String title = document.getDocumentInformation().getTitle();
            return new ParsedDocument(title == null || title.isBlank() ? fallbackTitle : title.strip(), collector.sections());
        }
    }

    private static void paragraphs(String text, List<String> headings, SectionCollector collector) {
        List<String> pending = new ArrayList<>(headings);
        for (String paragraph : text.split(PARAGRAPH_END)) {
            StringBuilder joined = new StringBuilder();
            for (String line : paragraph.split("\\R")) {
                if (!pending.isEmpty() && normalized(line).equals(normalized(pending.get(0)))) {
                    collector.paragraph(joined.toString());
                    joined.setLength(0);
                    collector.heading(line);
                    pending.remove(0);
                } else if (!line.isBlank()) {
                    joined.append(joined.length() > 0 ? " " : "").append(line.strip());
                }
            }
            collector.paragraph(joined.toString());
        }
    }

    private static boolean containsLine(String text, String title) {
        return text.lines().anyMatch(line -> normalized(line).equals(normalized(title)));
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Bookmark titles by zero-based page index, in outline order; empty without an outline. */
    private static Map<Integer, List<String>> bookmarks(PDDocument document) throws IOException {
        Map<Integer, List<String>> byPage = new HashMap<>();
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline != null) {
            collect(document, outline, byPage, 0, new int[] {0});
        }
        return byPage;
    }

    private static void collect(PDDocument document, PDOutlineNode node, Map<Integer, List<String>> byPage, int depth,
                                int[] seen) throws IOException {
        // a crafted outline can nest or link in circles without end; real documents stay far below these limits
        if (depth > MAX_OUTLINE_DEPTH) {
            return;
        }
        for (PDOutlineItem item : node.children()) {
            if (++seen[0] > MAX_BOOKMARKS) {
                return;
            }
            PDPage page = item.findDestinationPage(document);
            if (page != null && item.getTitle() != null && !item.getTitle().isBlank()) {
                int index = document.getPages().indexOf(page);
                if (index >= 0) {
                    byPage.computeIfAbsent(index, i -> new ArrayList<>()).add(item.getTitle().strip());
                }
            }
            collect(document, item, byPage, depth + 1, seen);
        }
    }
}

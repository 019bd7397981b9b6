package io.throughline.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word documents: paragraphs styled Heading 1..9 open sections, the Title style (else the document's title property, else
 * the first Heading 1) is the title, and a table row becomes one paragraph with its cells separated by {@code |}.
 */
final class DocxParser {

    ParsedDocument parse(byte[] docx, String fallbackTitle) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String title = document.getProperties().getCoreProperties().getTitle();
            String firstHeading = null;
            SectionCollector collector = new SectionCollector();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String style = styleName(document, paragraph);
                    String text = paragraph.getText();
                    if (style.equals("title")) {
                        title = title == null || title.isBlank() ? text : title;
                        collector.heading(text);
                    } else if (style.matches("heading ?[1-9]")) {
                        firstHeading = firstHeading == null && style.endsWith("1") ? text : firstHeading;
                        collector.heading(text);
                    } else {
                        collector.paragraph(text);
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText().strip());
                        }
                        collector.paragraph(String.join(" | ", cells));
                    }
                }
            }
            String chosen = title != null && !title.isBlank() ? title : firstHeading;
            return new ParsedDocument(chosen == null || chosen.isBlank() ? fallbackTitle : chosen.strip(), collector.sections());
        }
    }

    /**
     * The style's name in lower case ("heading 1"), or its id when the document does not define it: a document written
     * by a program often refers to {@code Heading1} without a styles part.
     */
    private static String styleName(XWPFDocument document, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
        String name = style == null || style.getName() == null ? id : style.getName();
        return name.toLowerCase(Locale.ROOT).strip();
    }
}

package io.throughline.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Small real PDF, DOCX and XLSX files, written by the same libraries the parsers read them with. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** One page per entry, each with its lines; bookmarks (title to zero-based page) make an outline when not empty. */
    public static byte[] pdf(String title, List<List<String>> pages, Map<String, Integer> bookmarks) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.setLeading(16);
                    content.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            if (!bookmarks.isEmpty()) {
                PDDocumentOutline outline = new PDDocumentOutline();
                bookmarks.forEach((text, page) -> {
                    PDOutlineItem item = new PDOutlineItem();
                    item.setTitle(text);
                    item.setDestination(document.getPage(page));
                    outline.addLast(item);
                });
                document.getDocumentCatalog().setDocumentOutline(outline);
            }
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Paragraphs as {style, text} pairs (style null for body text), then a table of rows. */
    public static byte[] docx(List<String[]> paragraphs, List<List<String>> table) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String[] paragraph : paragraphs) {
                var p = document.createParagraph();
                if (paragraph[0] != null) {
                    p.setStyle(paragraph[0]);
                }
                p.createRun().setText(paragraph[1]);
            }
            if (!table.isEmpty()) {
                XWPFTable t = document.createTable(table.size(), table.get(0).size());
                for (int r = 0; r < table.size(); r++) {
                    for (int c = 0; c < table.get(r).size(); c++) {
                        t.getRow(r).getCell(c).setText(table.get(r).get(c));
                    }
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** Sheets by name, each a list of rows (the first row its header). */
    public static byte[] xlsx(Map<String, List<List<String>>> sheets) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> {
                XSSFSheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    XSSFRow row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        }
    }
}

package io.throughline.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An Excel FAQ sheet: on every sheet whose first row names a question and an answer column, each further row is one
 * section headed by its question. Cells read as Excel shows them (dates, numbers with their format).
 */
final class XlsxFaqParser {

    private final DataFormatter formatter = new DataFormatter();

    ParsedDocument parse(byte[] xlsx, String fallbackTitle) throws IOException, RejectedSource {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            SectionCollector collector = new SectionCollector();
            List<String> headers = new ArrayList<>();
            boolean faqSheet = false;
            for (Sheet sheet : workbook) {
                Row first = sheet.getRow(sheet.getFirstRowNum());
                List<String> header = first == null ? List.of() : cells(first);
                FaqColumns columns = FaqColumns.find(header);
                if (columns == null) {
                    headers.add(sheet.getSheetName() + ": " + header);
                    continue;
                }
                faqSheet = true;
                for (Row row : sheet) {
                    if (row.getRowNum() > first.getRowNum()) {
                        columns.row(cells(row), collector);
                    }
                }
            }
            if (!faqSheet) {
                throw new RejectedSource("not an FAQ sheet: no sheet has a header row with a question and an answer "
                        + "column (named question/answer or q/a); the sheets start with " + headers);
            }
            String title = workbook.getProperties().getCoreProperties().getTitle();
            return new ParsedDocument(title == null || title.isBlank() ? fallbackTitle : title.strip(), collector.sections());
        }
    }

    private List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        return cells;
    }
}

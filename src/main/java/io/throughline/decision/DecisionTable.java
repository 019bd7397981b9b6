package io.throughline.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * A spreadsheet decision table ({@code .xlsx}, {@code .xls} or {@code .csv}) compiled to DRL, with the way back: a
 * problem Drools reports at a line of the generated DRL is named by the spreadsheet row (and, where its text shows,
 * the cell) that the rule came from.
 */
final class DecisionTable {

    /** Drools writes this comment above every rule it generates from a row. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule \"(.*)\"");
    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("(?:Rule name=|rule \")'?([^'\"\\]]+)");
    /** "[ERR 102] Line 12:34 " and the like: lines of the generated DRL, which mean nothing in the spreadsheet. */
    private static final Pattern DRL_POSITION = Pattern.compile("\\s*\\[?(?:ERR \\d+\\]\\s*)?Line \\d+:\\d+\\s*");

    private final Path file;
    private final String drl;
    private final int[] rowOfLine;
    private final Map<String, Integer> rowOfRule = new HashMap<>();
    private final Map<Integer, List<String>> cells;

    private DecisionTable(Path file, String drl, Map<Integer, List<String>> cells) {
        this.file = file;
        this.drl = drl;
        this.cells = cells;
        String[] lines = drl.split("\n", -1);
        rowOfLine = new int[lines.length + 2];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i]);
            if (comment.find()) {
                row = Integer.parseInt(comment.group(2));
            }
            Matcher rule = RULE_LINE.matcher(lines[i]);
            if (rule.find() && row > 0) {
                rowOfRule.putIfAbsent(rule.group(1), row);
            }
            rowOfLine[i + 1] = row;
        }
    }

    static boolean isTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".csv");
    }

    /** Compiles the table; a table Drools cannot read at all is an {@link InvalidRulesException} naming the file. */
    static DecisionTable compile(Path file) {
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        String drl;
        try (InputStream in = Files.newInputStream(file)) {
            drl = new SpreadsheetCompiler().compile(in, csv ? InputType.CSV : InputType.XLS);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRulesException(List.of(file + ":1: not a readable decision table: " + rootMessage(e)));
        }
        return new DecisionTable(file, drl, csv ? csvCells(file) : workbookCells(file));
    }

    Path file() {
        return file;
    }

    /** The DRL Drools generated from the table, one rule per row, each under a "rule values at A9" comment. */
    String drl() {
        return drl;
    }

    /** A Drools message about the generated DRL, as {@code file:row: cell C9 "billing": message}. */
    String describe(int drlLine, String message) {
        int row = drlLine > 0 && drlLine < rowOfLine.length ? rowOfLine[drlLine] : 0;
        if (row == 0) {
            Matcher name = RULE_NAME_IN_MESSAGE.matcher(message);
            while (row == 0 && name.find()) {
                row = rowOfRule.getOrDefault(name.group(1).strip(), 0);
            }
        }
        String text = MessageLines.oneLine(DRL_POSITION.matcher(message.strip()).replaceFirst(" ").strip());
        if (row == 0) {
            return file + ":" + Math.max(drlLine, 1) + ": in the DRL generated from the table (see it with"
                    + " `validate --drl " + file + "`): " + text;
        }
        String cell = cellAt(row, drlLine);
        return file + ":" + row + ": " + (cell == null ? "row " + row : cell) + ": " + text;
    }

    /** The cell of {@code row} whose text the generated line shows (the longest, when several do), or null. */
    private String cellAt(int row, int drlLine) {
        String[] lines = drl.split("\n", -1);
        if (drlLine < 1 || drlLine > lines.length) {
            return null;
        }
        String line = lines[drlLine - 1];
        List<String> values = cells.getOrDefault(row, List.of());
        int best = -1;
        for (int column = 0; column < values.size(); column++) {
            String value = values.get(column).strip();
            if (!value.isEmpty() && (line.contains(value) || containsEvery(line, value))
                    && (best < 0 || value.length() > values.get(best).strip().length())) {
                best = column;
            }
        }
        return best < 0 ? null : "cell " + CellReference.convertNumToColString(best) + row + " \"" + values.get(best).strip() + "\"";
    }

    /** A cell like "ANSWER, ESCALATE" shows up split by the column's template: every part is on the line. */
    private static boolean containsEvery(String line, String value) {
        String[] parts = value.split(",");
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (part.isBlank() || !line.contains(part.strip())) {
                return false;
            }
        }
        return true;
    }

    private static Map<Integer, List<String>> csvCells(Path file) {
        Map<Integer, List<String>> rows = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(lines.get(i)))) {
                        rows.put(i + 1, record.toList());
                    }
                } catch (IOException | RuntimeException e) {
                    rows.put(i + 1, List.of(lines.get(i)));
                }
            }
        } catch (IOException e) {
            // the cells only sharpen the message; without them it names the row
        }
        return rows;
    }

    private static Map<Integer, List<String>> workbookCells(Path file) {
        Map<Integer, List<String>> rows = new HashMap<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                        values.add(row.getCell(column) == null ? "" : formatter.formatCellValue(row.getCell(column)));
                    }
                    rows.putIfAbsent(row.getRowNum() + 1, values);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the cells only sharpen the message; without them it names the row
        }
        return rows;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e == root || e.getMessage() == null ? message : e.getMessage() + " (" + message + ")";
    }
}

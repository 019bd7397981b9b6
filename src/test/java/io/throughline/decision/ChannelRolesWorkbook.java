package io.throughline.decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the demo decision table {@code rules/channel-roles.xlsx}, byte for byte the same on every run (fixed document
 * dates and zip entry times), so the committed file can be checked against this source:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.throughline.decision.ChannelRolesWorkbook rules/channel-roles.xlsx
 * </pre>
 */
public final class ChannelRolesWorkbook {

    static final Path FILE = Path.of("rules", "channel-roles.xlsx");

    /** 2025-01-01T00:00:00Z: any fixed moment keeps the output reproducible. */
    private static final long FIXED_TIME = 1_735_689_600_000L;
    private static final LocalDateTime FIXED_LOCAL_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final String UNAUTHENTICATED = "webchat, sms, whatsapp, telegram, messenger, instagram";

    static final List<List<String>> ROWS = List.of(
            List.of("RuleSet", "io.throughline.rules.channelroles"),
            List.of("Import", "io.throughline.decision.Action, io.throughline.decision.AnswerFacts, "
                    + "io.throughline.decision.ConversationFacts, io.throughline.decision.CustomerFacts, "
                    + "io.throughline.decision.Decision"),
            List.of("Notes", "Which channel a conversation goes on with. One row is one rule; its name is the reason "
                    + "the customer's agent reads. An empty cell does not constrain; lists are comma-separated. The "
                    + "decision made so far (answer, escalate, follow up) happens on the new channel."),
            List.of(),
            List.of("RuleTable Channel roles"),
            List.of("NAME", "PRIORITY", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "ACTION"),
            List.of("", "", "ConversationFacts", "", "CustomerFacts", "AnswerFacts", "$decision : Decision", ""),
            List.of("", "", "forall(||){intent == \"$\"}", "forall(||){channel == \"$\"}", "hasIdentity(\"$param\")",
                    "length > $param", "forall(||){action == Action.$}",
                    "$decision.switchChannel(\"$param\", drools.getRule().getName()); update($decision);"),
            List.of("Rule (the reason the agent reads)", "Salience", "Intent", "Customer writes on", "Customer has",
                    "Answer longer than (characters)", "When the decision is", "Switch to"),
            List.of("billing questions are answered on authenticated email", "-10", "billing", UNAUTHENTICATED, "email",
                    "", "ANSWER, ESCALATE, FOLLOW_UP", "email"),
            List.of("account questions are answered on authenticated email", "-10", "account", UNAUTHENTICATED,
                    "email", "", "ANSWER, ESCALATE, FOLLOW_UP", "email"),
            List.of("an answer this long is easier to read by email than by SMS", "-10", "", "sms", "email", "480",
                    "ANSWER", "email"));

    private ChannelRolesWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.write(target, build());
        System.out.println("wrote " + target);
    }

    static byte[] build() throws IOException {
        return build(ROWS);
    }

    /** A workbook of the same layout with other rows: for tests of broken tables. */
    static byte[] build(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
            workbook.getProperties().getCoreProperties().setCreator("Throughline");
            Sheet sheet = workbook.createSheet("Channel roles");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    // blank cells too: Drools reads a merged region only through cells that exist
                    var cell = row.createCell(c);
                    if (!values.get(c).isEmpty()) {
                        cell.setCellValue(values.get(c));
                    }
                    if (r == 4 || r == 5 || r == 8 || c == 0 && r < 3) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            // one ConversationFacts pattern over the intent and channel columns
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 2, 3));
            int[] widths = {52, 9, 12, 50, 14, 16, 28, 12};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return withFixedEntryTimes(out.toByteArray());
        }
    }

    /** The same zip with every entry dated {@link #FIXED_LOCAL_TIME}: POI stamps them with the current time. */
    private static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(fixed)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_LOCAL_TIME); // local: no time-zone conversion, the same bytes anywhere
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return fixed.toByteArray();
    }
}

package io.throughline.insights.web;

import io.throughline.insights.ConversationSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The conversation rows as CSV (RFC 4180, a header row). Customer text that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading apostrophe.
 */
final class ConversationsCsv {

    static final String[] HEADER = {"conversation_id", "customer_id", "opened_at", "status", "channel", "channels",
            "journeys", "intent", "queue", "customer_messages", "first_response_seconds", "handed_off", "handoff_at",
            "human_first_response_seconds", "first_response_sla", "resolved_at", "resolution", "resolution_seconds",
            "contained", "csat_score", "csat_comment", "reopened", "repeat_contact", "lead_captured",
            "booking_confirmed"};

    private ConversationsCsv() {
    }

    static void write(List<ConversationSummary> rows, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (ConversationSummary r : rows) {
                csv.printRecord(r.id(), r.customerId(), r.openedAt(), r.status(), text(r.channel()),
                        text(String.join(" ", r.channels())), text(String.join(" ", r.journeys())), text(r.intent()),
                        text(r.queue()), r.customerMessages(), r.firstResponseSeconds(), r.handedOff(), r.handoffAt(),
                        r.humanFirstResponseSeconds(), r.firstResponseSla(), r.resolvedAt(), text(r.resolution()),
                        r.resolutionSeconds(), r.contained(), r.csatScore(), text(r.csatComment()), r.reopened(),
                        r.repeatContact(), r.leadCaptured(), r.bookingConfirmed());
            }
        }
    }

    /** Neutralises a formula: spreadsheets run a cell that starts with one of these. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}

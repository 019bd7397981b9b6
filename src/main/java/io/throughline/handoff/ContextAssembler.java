package io.throughline.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.AgentNote;
import io.throughline.conversation.Author;
import io.throughline.conversation.Message;
import io.throughline.conversation.MessageCitation;
import io.throughline.customer.Customer;
import io.throughline.customer.KnownIdentity;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts a handoff's context together from what is stored (customer, messages, notes) and what the journey knows
 * (the {@link Escalation}). Plain Java: every part is a function of its inputs.
 */
final class ContextAssembler {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final int SUMMARY_QUOTE = 90;

    private final HandoffSettings settings;

    ContextAssembler(HandoffSettings settings) {
        this.settings = settings;
    }

    HandoffContext assemble(Escalation escalation, Customer customer, List<KnownIdentity> identities,
                            List<Message> messages, List<AgentNote> notes) {
        String transcriptApi = "GET /api/conversations/" + escalation.conversationId();
        return new HandoffContext(
                head(summary(customer, messages)),
                head(CustomerCard.of(customer, identities)),
                head(details(escalation.details())),
                tail(TranscriptText.of(messages, notes, settings.zone()), transcriptApi),
                head(intent(escalation)),
                head(routing(escalation)),
                head(aiAnswer(escalation)),
                head(sources(escalation)),
                head(suggestedReply(escalation)),
                head(reasons(escalation)));
    }

    /**
     * The customer's last words, who and where: what a queue's task list shows beside each task. The words come first
     * because Tasklist's list shows only the beginning of a variable.
     */
    static String summary(Customer customer, List<Message> messages) {
        Message last = null;
        for (Message message : messages) {
            if (message.author() == Author.CUSTOMER) {
                last = message;
            }
        }
        if (last == null) {
            return CustomerCard.name(customer);
        }
        String said = last.text().strip().replaceAll("\\s+", " ");
        if (said.length() > SUMMARY_QUOTE) {
            said = said.substring(0, SUMMARY_QUOTE - 1).strip() + "…";
        }
        return "“" + said + "” — " + CustomerCard.name(customer) + " on " + last.channel();
    }

    static String details(String json) {
        if (json == null || json.isBlank()) {
            return "(none gathered)";
        }
        Map<String, Object> details;
        try {
            details = JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            return "(not a JSON object; shown as the journey gave it)\n" + json.strip();
        }
        return details == null || details.isEmpty() ? "(none gathered)" : String.join("\n", Readable.lines(details));
    }

    static String intent(Escalation escalation) {
        Double score = escalation.intentScore();
        if (escalation.outOfScope() || escalation.intent() == null || escalation.intent().isBlank()) {
            return "out of scope: no known intent fits" + (score == null ? "" : " (best score " + decimal(score) + ")");
        }
        return escalation.intent() + (score == null ? "" : " (score " + decimal(score) + ")");
    }

    String routing(Escalation escalation) {
        List<String> parts = new ArrayList<>();
        parts.add(escalation.queue() == null || escalation.queue().isBlank() ? "no queue" : escalation.queue() + " queue");
        if (escalation.priority() != null) {
            parts.add("priority " + escalation.priority());
        }
        parts.add(due(escalation.dueDate()));
        return String.join(" · ", parts);
    }

    static String aiAnswer(Escalation escalation) {
        if (escalation.agentKeeps()) {
            return "(The bot did not answer this time: you kept the conversation, so the customer's new message came "
                    + "straight to you.)";
        }
        String confidence = escalation.answerConfidence() == null ? ""
                : " · confidence " + decimal(escalation.answerConfidence());
        if (escalation.answerBlocked() != null && !escalation.answerBlocked().isBlank()) {
            return "Not sent: a guardrail stopped the bot's answer (" + escalation.answerBlocked().strip() + ")" + confidence;
        }
        if (escalation.answerText() == null || escalation.answerText().isBlank()) {
            return "(the bot found nothing in the knowledge base it trusted" + confidence + ")";
        }
        return "Not sent to the customer" + confidence + "\n\n" + escalation.answerText().strip();
    }

    static String sources(Escalation escalation) {
        if (escalation.agentKeeps() || escalation.citations().isEmpty()) {
            return "(none)";
        }
        return escalation.citations().stream().map(ContextAssembler::source).collect(Collectors.joining("\n"));
    }

    /** The bot's answer, when there is one the agent may want: not blocked, and confident enough to be worth reading. */
    String suggestedReply(Escalation escalation) {
        boolean worthOffering = !escalation.agentKeeps()
                && escalation.answerText() != null && !escalation.answerText().isBlank()
                && (escalation.answerBlocked() == null || escalation.answerBlocked().isBlank())
                && escalation.answerConfidence() != null
                && escalation.answerConfidence() >= settings.suggestFromConfidence();
        return worthOffering ? escalation.answerText().strip() : "";
    }

    static String reasons(Escalation escalation) {
        List<String> lines = new ArrayList<>();
        if (escalation.agentKeeps()) {
            lines.add("• you kept this conversation and the customer wrote again");
        }
        String earlier = escalation.agentKeeps() ? "earlier: " : "";
        if (escalation.reasons() != null) {
            escalation.reasons().lines().map(String::strip).filter(r -> !r.isEmpty())
                    .forEach(r -> lines.add("• " + earlier + r));
        }
        return lines.isEmpty() ? "(the rules gave no reason)" : String.join("\n", lines);
    }

    /** An ISO-8601 due date in the agent's zone: with an offset, local (taken as the agent's zone), or a bare day. */
    private String due(String dueDate) {
        if (dueDate == null || dueDate.isBlank()) {
            return "no due date";
        }
        String text = dueDate.strip();
        ZoneId zone = settings.zone();
        try {
            return "due " + DUE.format(OffsetDateTime.parse(text).atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
        } catch (DateTimeParseException withoutOffset) {
            // a local date-time or a day, below
        }
        try {
            return "due " + DUE.format(LocalDateTime.parse(text)) + " (" + zone.getId() + ")";
        } catch (DateTimeParseException notADateTime) {
            // a day, below
        }
        try {
            return "due " + DAY.format(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            return "due " + text;
        }
    }

    private static String source(MessageCitation citation) {
        String title = citation.title() == null || citation.title().isBlank() ? citation.source() : citation.title();
        return "• " + title + " — " + citation.source()
                + (citation.section() == null || citation.section().isBlank() ? "" : " § " + citation.section());
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The beginning, when a part is too long: a card or an answer reads from the top. */
    private static String head(String text) {
        if (text.length() <= HandoffContext.MAX_LENGTH) {
            return text;
        }
        String marker = "\n[… cut to fit]";
        return text.substring(0, HandoffContext.MAX_LENGTH - marker.length()) + marker;
    }

    /** The end, when the transcript is too long: the latest messages matter most. */
    private static String tail(String text, String whereTheRestIs) {
        if (text.length() <= HandoffContext.MAX_LENGTH) {
            return text;
        }
        String marker = "[… earlier part cut: " + whereTheRestIs + "]\n";
        return marker + text.substring(text.length() - (HandoffContext.MAX_LENGTH - marker.length()));
    }
}

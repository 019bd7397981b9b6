package io.throughline.handoff;

import io.throughline.conversation.AgentNote;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.Direction;
import io.throughline.conversation.Message;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A conversation as the agent reads it, every channel in one list: "10:02 customer (whatsapp): ...", a line with the
 * date whenever the day changes, and the agents' internal notes in their place, marked as such.
 */
final class TranscriptText {

    static final String NOTE_MARK = "agent, internal note (never sent)";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String CONTINUED = "      ";

    private final ZoneId zone;
    private final List<String> lines = new ArrayList<>();
    private LocalDate day;

    private TranscriptText(ZoneId zone) {
        this.zone = zone;
    }

    /** The messages in their order, each note before the first message written after it. */
    static String of(List<Message> messages, List<AgentNote> notes, ZoneId zone) {
        TranscriptText text = new TranscriptText(zone);
        Deque<AgentNote> pending = new ArrayDeque<>(notes);
        for (Message message : messages) {
            while (!pending.isEmpty() && pending.peek().at().isBefore(message.createdAt())) {
                text.note(pending.poll());
            }
            text.add(message.createdAt(), author(message), message.text());
        }
        pending.forEach(text::note);
        return text.lines.isEmpty() ? "(no messages yet)" : String.join("\n", text.lines);
    }

    private static String author(Message message) {
        String where = message.channel();
        if (message.direction() == Direction.OUT && message.deliveryStatus() == DeliveryStatus.FAILED) {
            where += ", failed to send";
        } else if (message.direction() == Direction.OUT && message.visibleAt() == null) {
            where += ", not sent yet";
        }
        return message.author().key() + " (" + where + ")";
    }

    private void note(AgentNote note) {
        add(note.at(), NOTE_MARK, note.text());
    }

    private void add(OffsetDateTime at, String who, String text) {
        var local = at.atZoneSameInstant(zone);
        if (!local.toLocalDate().equals(day)) {
            day = local.toLocalDate();
            lines.add("— " + DAY.format(local) + " (" + zone.getId() + ") —");
        }
        String body = text == null ? "" : text.strip().replaceAll("\\R", "\n" + CONTINUED);
        lines.add(TIME.format(local) + " " + who + ": " + body);
    }
}

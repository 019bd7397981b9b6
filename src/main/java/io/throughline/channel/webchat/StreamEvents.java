package io.throughline.channel.webchat;

import io.throughline.conversation.Message;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Turns a message into the stream's event: {@code event: message}, {@code id:} the message id, and its JSON. */
@Component
class StreamEvents {

    record Citation(String title, String source) {}

    record Event(String id, String author, String text, List<Citation> citations, String at) {}

    SseEmitter.SseEventBuilder of(Message message) {
        var citations = message.citations().stream().map(c -> new Citation(c.title(), c.source())).toList();
        var at = DateTimeFormatter.ISO_INSTANT.format(message.visibleAt().withOffsetSameInstant(ZoneOffset.UTC));
        var event = new Event(message.id().toString(), message.author().key(), message.text(), citations, at);
        return SseEmitter.event().name("message").id(message.id().toString()).data(event, MediaType.APPLICATION_JSON);
    }
}

package io.throughline.channel.webchat;

import io.throughline.conversation.Accepted;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.InboundMessages;
import io.throughline.customer.Identity;
import io.throughline.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The visitor's side of web chat: send a message, and one stream with every message of their conversation. */
@RestController
@RequestMapping("/api/webchat/{visitorId}")
class WebChatController {

    private final InboundMessages inbound;
    private final WebChatStreams streams;

    private final ArticleViews articleViews;

    WebChatController(InboundMessages inbound, WebChatStreams streams, ArticleViews articleViews) {
        this.inbound = inbound;
        this.streams = streams;
        this.articleViews = articleViews;
    }

    record SendMessage(String text, String clientMessageId) {}

    record MessageAcceptedResponse(String customerId, String conversationId, String messageId) {}

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageAcceptedResponse> send(@PathVariable String visitorId, @RequestBody SendMessage body) {
        String visitor = WebChat.requireVisitorId(visitorId);
        String text = requireText(body.text());
        String clientMessageId = requireClientMessageId(body.clientMessageId());
        // the dedupe key is per visitor: two visitors may well pick the same clientMessageId
        Accepted accepted = inbound.accept(new InboundMessage(WebChat.CHANNEL, visitor + ":" + clientMessageId,
                Identity.visitor(visitor), null, text));
        streams.customerKnown(visitor, accepted.customerId());
        var response = new MessageAcceptedResponse(accepted.customerId().toString(),
                accepted.conversationId().toString(), accepted.messageId().toString());
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(response);
    }

    record ArticleView(String path) {}

    /** The visitor opened a help article the widget suggested: self-service, unless they write to us after all. */
    @PostMapping(path = "/article-views", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> articleViewed(@PathVariable String visitorId, @RequestBody ArticleView body) {
        String visitor = WebChat.requireVisitorId(visitorId);
        String path = body.path();
        if (path == null || path.isBlank() || path.length() > 1000 || path.contains("://")) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    "path is required: the help article's path as /help/suggest gave it, like shipping.md", "path");
        }
        articleViews.record(visitor, path.strip());
        return ResponseEntity.accepted().build();
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String visitorId,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletResponse response) {
        String visitor = WebChat.requireVisitorId(visitorId);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // proxies such as nginx would otherwise hold events back
        return streams.open(visitor, lastEventId);
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "text is required: the message the visitor typed", "text");
        }
        if (text.length() > WebChat.MAX_TEXT_LENGTH) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "text is " + text.length()
                    + " characters; a message may have at most 4,000: split it into several", "text");
        }
        return text.strip();
    }

    private static String requireClientMessageId(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "clientMessageId is required (1 to 100 characters, unique per "
                    + "message): sending the same one again is how a retry is recognised", "clientMessageId");
        }
        return clientMessageId;
    }
}

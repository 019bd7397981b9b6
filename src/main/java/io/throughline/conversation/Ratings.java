package io.throughline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's answer to "how did we do?": a rating (CSAT), or a new question, which reopens the conversation. */
@Service
public class Ratings {

    private final ConversationEvents events;
    private final ObjectMapper json;

    Ratings(ConversationEvents events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /**
     * Records a CSAT event ({@code {"score":4,"comment":"quick and friendly"}}) when the text is a rating, else a
     * REOPENED event: the customer has something more to say.
     *
     * @return the rating, or empty when the conversation reopened
     */
    @Transactional
    public Optional<Rating> take(UUID conversationId, String text) {
        Optional<Rating> rating = Rating.parse(text);
        if (rating.isPresent()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("score", rating.get().score());
            detail.put("comment", rating.get().comment());
            events.record(conversationId, ConversationEvents.Type.CSAT, null, write(detail));
        } else {
            events.record(conversationId, ConversationEvents.Type.REOPENED, null, "{\"after\":\"rating question\"}");
        }
        return rating;
    }

    private String write(Object detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

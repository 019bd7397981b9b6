package io.throughline.channel.webchat;

import io.throughline.web.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Web chat's names and limits. */
final class WebChat {

    static final String CHANNEL = "webchat";
    static final int MAX_TEXT_LENGTH = 4_000;

    private static final Pattern RANDOM_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private WebChat() {
    }

    /** The visitor id is a bearer secret: only a random (version 4) UUID is guessable by nobody. */
    static String requireVisitorId(String visitorId) {
        String id = visitorId == null ? "" : visitorId.toLowerCase();
        if (!RANDOM_UUID.matcher(id).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "visitorId must be a random UUID (version 4), "
                    + "for example " + UUID.randomUUID() + "; the widget makes one and keeps it", "visitorId");
        }
        return id;
    }
}

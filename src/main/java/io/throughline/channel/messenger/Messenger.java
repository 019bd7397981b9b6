package io.throughline.channel.messenger;

import io.throughline.web.ApiException;
import org.springframework.http.HttpStatus;

/** What the Messenger webhook says when the channel is off. */
final class Messenger {

    private Messenger() {
    }

    static ApiException off(MessengerSettings settings) {
        return new ApiException(HttpStatus.NOT_FOUND, "the messenger channel (Messenger and Instagram) is off: set "
                + settings.missingSettings(), null);
    }
}

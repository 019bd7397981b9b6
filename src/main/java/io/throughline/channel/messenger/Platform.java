package io.throughline.channel.messenger;

import io.throughline.channel.meta.ReplyText;
import io.throughline.customer.IdentityType;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** The two inboxes the Messenger Platform serves, each a channel of its own with its own kind of customer id. */
enum Platform {

    /** Messenger: {@code object: page}, senders by Page-scoped id (PSID); text under 2,000 characters. */
    MESSENGER("page", "messenger", IdentityType.MESSENGER, ReplyText.CHARACTERS, 1_999),
    /** Instagram: {@code object: instagram}, senders by Instagram-scoped id (IGSID); text of 1,000 UTF-8 bytes or less. */
    INSTAGRAM("instagram", "instagram", IdentityType.INSTAGRAM, ReplyText.UTF8_BYTES, 1_000);

    final String object;
    final String channel;
    final IdentityType identityType;
    final ToIntFunction<String> textSize;
    final int maxText;

    Platform(String object, String channel, IdentityType identityType, ToIntFunction<String> textSize, int maxText) {
        this.object = object;
        this.channel = channel;
        this.identityType = identityType;
        this.textSize = textSize;
        this.maxText = maxText;
    }

    static Optional<Platform> byObject(String object) {
        return Arrays.stream(values()).filter(p -> p.object.equals(object)).findFirst();
    }
}

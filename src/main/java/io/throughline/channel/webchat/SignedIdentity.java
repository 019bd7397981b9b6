package io.throughline.channel.webchat;

import io.throughline.channel.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The business's site vouching for its signed-in user, as Intercom's identity verification does: the site's server
 * computes {@code hex(HMAC-SHA256(identity-secret, email))} and puts it on the widget's tag with the email. Only the
 * site and Throughline know the secret, so a right hash means the site says this visitor is that user.
 */
@Component
class SignedIdentity {

    private static final Logger log = LoggerFactory.getLogger(SignedIdentity.class);

    private final WebChatSettings settings;

    SignedIdentity(WebChatSettings settings) {
        this.settings = settings;
        if (!settings.signedIdentityOn()) {
            log.info("signed identity from the web widget is off: set throughline.channels.webchat.identity-secret");
        }
    }

    boolean on() {
        return settings.signedIdentityOn();
    }

    /** Whether {@code userHash} is the site's signature of {@code email}, exactly as the site sent the email. */
    boolean signs(String email, String userHash) {
        if (!on() || email == null || userHash == null) {
            return false;
        }
        String expected = Signatures.hmacSha256Hex(settings.identitySecret(), email.getBytes(StandardCharsets.UTF_8));
        return Signatures.same(expected, userHash.strip().toLowerCase(Locale.ROOT));
    }
}

package io.throughline.channel.meta;

import io.throughline.channel.Signatures;
import io.throughline.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Meta's check of a webhook URL: a GET with {@code hub.mode=subscribe}, the verify token the operator typed into the
 * app dashboard, and {@code hub.challenge}, which the endpoint echoes as plain text when the token is right.
 */
public final class WebhookHandshake {

    private WebhookHandshake() {
    }

    public static ResponseEntity<String> answer(String channel, String expectedToken, String mode, String token,
                                                String challenge) {
        if (!"subscribe".equals(mode) || !Signatures.same(expectedToken, token) || challenge == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "the " + channel + " webhook was not verified: Meta sends "
                    + "hub.mode=subscribe, hub.challenge and hub.verify_token, which must equal the setting "
                    + "throughline.channels." + channel + ".verify-token", "hub.verify_token");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }
}

package io.throughline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.web.ApiException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Signed identity without a secret, and the hash against a known answer. Plain JUnit, no Spring. */
class SignedIdentityRulesTest {

    @Test
    void withoutASecretSignedIdentityIsOffAndSaysWhatToSet() {
        var off = new SignedIdentity(new WebChatSettings(null));
        var controller = new IdentityController(null, null, null, off, null);

        assertThatThrownBy(() -> controller.signedIdentity(UUID.randomUUID().toString(),
                new IdentityController.SignedIdentityRequest("ann@example.com", null, "00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).contains("throughline.channels.webchat.identity-secret");
                });
        assertThat(off.signs("ann@example.com", "anything")).isFalse();
    }

    @Test
    void theHashIsComputedAsIntercomDocumentsItsUserHash() {
        // github.com/intercom/identity-verification-code-samples: HMAC-SHA256("Message", "secret") in hex; the web
        // version accepts the hex in upper or lower case
        var signed = new SignedIdentity(new WebChatSettings("secret"));

        assertThat(signed.signs("Message", "aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597")).isTrue();
        assertThat(signed.signs("Message", "AA747C502A898200F9E4FA21BAC68136F886A0E27AEC70BA06DAF2E2A5CB5597")).isTrue();
    }

    @Test
    void theHashIsHexHmacSha256OfTheEmailAsTheSiteSentIt() {
        // from: echo -n "ann@example.com" | openssl dgst -sha256 -hmac "webchat-identity-secret"
        String known = "a5ad15f6d1d3d2e87bfc9daee479e764fe723f8af465a9d11a52c4277f5521a2";
        var signed = new SignedIdentity(new WebChatSettings("webchat-identity-secret"));

        assertThat(signed.signs("ann@example.com", known)).isTrue();
        assertThat(signed.signs("ann@example.com", known.toUpperCase())).as("hex in either case").isTrue();
        assertThat(signed.signs("Ann@example.com", known)).as("over the exact string").isFalse();
        assertThat(signed.signs("ann@example.com", known.substring(1) + "0")).isFalse();
    }
}

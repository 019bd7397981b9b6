package io.throughline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.OutboundDelivery;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.MessageCitation;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.web.ApiException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/**
 * How Telegram updates read as customer messages, how replies fit sendMessage, and the secret token check. Telegram
 * signs nothing: its "signature" is the secret token echoed in a header, so there is no documented vector to check.
 */
class TelegramUpdatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A private text message, shaped as the Update and Message objects of core.telegram.org/bots/api. */
    private static final String PRIVATE_TEXT = """
            {"update_id": 10000,
             "message": {"message_id": 1365, "date": 1441645532, "text": "Where is my order?",
              "from": {"id": 1111111, "is_bot": false, "first_name": "Test", "last_name": "Lastname", "username": "Test"},
              "chat": {"id": 1111111, "first_name": "Test", "last_name": "Lastname", "username": "Test", "type": "private"}}}""";

    @Test
    void aPrivateMessageIsItsChatWithTheSendersName() throws Exception {
        InboundMessage message = TelegramUpdates.read(JSON.readTree(PRIVATE_TEXT)).orElseThrow();

        assertThat(message.channel()).isEqualTo("telegram");
        assertThat(message.sender()).isEqualTo(new Identity(IdentityType.TELEGRAM, "1111111"));
        assertThat(message.providerMessageId()).isEqualTo("1111111:1365");
        assertThat(message.senderName()).isEqualTo("Test Lastname");
        assertThat(message.text()).isEqualTo("Where is my order?");
        assertThat(message.replyContext()).isEmpty();
    }

    @Test
    void aStickerOrAPhotoIsKeptAsAPlaceholderWithItsCaption() throws Exception {
        String sticker = PRIVATE_TEXT.replace("\"text\": \"Where is my order?\"",
                "\"sticker\": {\"file_id\": \"CAAD\", \"file_unique_id\": \"AgAD\", \"type\": \"regular\", \"width\": 512, "
                        + "\"height\": 512, \"is_animated\": false, \"is_video\": false, \"emoji\": \"👍\"}");
        String photo = PRIVATE_TEXT.replace("\"text\": \"Where is my order?\"",
                "\"photo\": [{\"file_id\": \"AgAC\", \"file_unique_id\": \"AQAD\", \"width\": 90, \"height\": 67}], "
                        + "\"caption\": \"the parcel arrived like this\"");

        assertThat(TelegramUpdates.read(JSON.readTree(sticker)).orElseThrow().text()).isEqualTo("[sticker]");
        assertThat(TelegramUpdates.read(JSON.readTree(photo)).orElseThrow().text())
                .isEqualTo("[photo] the parcel arrived like this");
    }

    @Test
    void groupsEditsBotsStartAndOtherUpdatesAreNotCustomerMessages() throws Exception {
        String group = PRIVATE_TEXT.replace("\"type\": \"private\"", "\"type\": \"supergroup\"");
        String edited = PRIVATE_TEXT.replace("\"message\":", "\"edited_message\":");
        String bot = PRIVATE_TEXT.replace("\"is_bot\": false", "\"is_bot\": true");
        String callback = "{\"update_id\": 10001, \"callback_query\": {\"id\": \"1\", \"data\": \"yes\"}}";
        String start = PRIVATE_TEXT.replace("Where is my order?", "/start");
        String deepLink = PRIVATE_TEXT.replace("Where is my order?", "/start campaign-42");

        for (String update : List.of(group, edited, bot, callback, start, deepLink)) {
            assertThat(TelegramUpdates.read(JSON.readTree(update))).as(update).isEmpty();
        }
    }

    @Test
    void aMessageWithoutItsIdIs400NamingIt() throws Exception {
        var update = JSON.readTree(PRIVATE_TEXT.replace("\"message_id\": 1365,", ""));

        assertThatThrownBy(() -> TelegramUpdates.read(update)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.field()).isEqualTo("message.message_id");
        });
    }

    @Test
    void aReplyCarriesItsSourcesAndFitsTelegramsLimit() {
        var citations = List.of(new MessageCitation("Shipping", "shipping.md", "Delivery times"),
                new MessageCitation("Shipping", "shipping.md", "Costs"));

        assertThat(Telegram.text("Orders ship in 2 business days.", citations))
                .isEqualTo("Orders ship in 2 business days.\n\nSources: Shipping (shipping.md)");
        String longAnswer = "x".repeat(4_090);
        assertThat(Telegram.text(longAnswer, citations)).as("sources dropped when they do not fit").isEqualTo(longAnswer);
        assertThat(Telegram.text("y".repeat(5_000), List.of())).hasSize(4_096).endsWith("…");
        assertThat(Telegram.cut("a".repeat(4_094) + "😀😀", 4_096)).as("no half emoji")
                .isEqualTo("a".repeat(4_094) + "…");
    }

    @Test
    void theSecretTokenMustMatchAndAnUnconfiguredTelegramIsOff() {
        var on = new TelegramSettings("123:abc", "s3cret", "https://api.telegram.org", Duration.ofSeconds(10));
        var controller = new TelegramWebhookController(on, null, JSON);
        var off = new TelegramSettings(null, null, "https://api.telegram.org", Duration.ofSeconds(10));

        assertThatThrownBy(() -> controller.update("s3cret-but-longer", PRIVATE_TEXT.getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThatThrownBy(() -> controller.update(null, PRIVATE_TEXT.getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThatThrownBy(() -> new TelegramWebhookController(off, null, JSON).update("s3cret", PRIVATE_TEXT.getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("the telegram channel is off: set "
                            + "throughline.channels.telegram.bot-token and throughline.channels.telegram.secret-token");
                });
        assertThatThrownBy(() -> new TelegramSender(off, JSON, RestClient.builder())
                .send(OutboundDelivery.direct(new Identity(IdentityType.TELEGRAM, "1111111"), "hi")))
                .isInstanceOf(ChannelNotConfiguredException.class);
        assertThat(on.toString()).doesNotContain("123:abc", "s3cret");
    }
}

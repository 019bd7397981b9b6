package io.throughline.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** How Slack's events read as customer messages, how replies read in Slack, and what an unconfigured Slack does. */
class SlackEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message.im example of api.slack.com/events/message.im. */
    private static final String DOCUMENTED_DM = """
            {"token": "one-long-verification-token", "team_id": "T061EG9R6", "api_app_id": "A0PNCHHK2",
             "event": {"type": "message", "channel": "D024BE91L", "user": "U2147483697",
                       "text": "Hello hello can you hear me?", "ts": "1355517523.000005",
                       "event_ts": "1355517523.000005", "channel_type": "im"},
             "type": "event_callback", "authed_teams": ["T061EG9R6"], "event_id": "Ev0PV52K21", "event_time": 1355517523}""";

    @Test
    void aDirectMessageIsTheUserOfItsWorkspaceWithItsChannelAndThread() throws Exception {
        InboundMessage message = SlackEvents.read(JSON.readTree(DOCUMENTED_DM)).orElseThrow();

        assertThat(message.channel()).isEqualTo("slack");
        assertThat(message.sender()).isEqualTo(new Identity(IdentityType.SLACK, "T061EG9R6:U2147483697"));
        assertThat(message.sender().toString()).isEqualTo("slack:T061EG9R6:U2147483697");
        assertThat(Identity.parse(message.sender().toString())).isEqualTo(message.sender());
        assertThat(message.providerMessageId()).isEqualTo("D024BE91L:1355517523.000005");
        assertThat(message.text()).isEqualTo("Hello hello can you hear me?");
        assertThat(message.replyContext()).isEqualTo(Map.of("channel", "D024BE91L", "thread_ts", "1355517523.000005"));
    }

    @Test
    void aReplyInAThreadStaysInThatThreadAndSlackEscapesAreUndone() throws Exception {
        JsonNode envelope = JSON.readTree(DOCUMENTED_DM.replace("\"Hello hello can you hear me?\"",
                "\"Is 5 &lt; 7 &amp; 7 &gt; 5?\", \"thread_ts\": \"1355517000.000001\""));

        InboundMessage message = SlackEvents.read(envelope).orElseThrow();

        assertThat(message.text()).isEqualTo("Is 5 < 7 & 7 > 5?");
        assertThat(message.replyContext()).containsEntry("thread_ts", "1355517000.000001");
    }

    @Test
    void aMentionLosesTheAppsNameAndASharedFileIsKeptAsAPlaceholder() throws Exception {
        JsonNode mention = JSON.readTree("""
                {"team_id": "T123ABC456", "type": "event_callback", "event_id": "Ev123ABC456",
                 "event": {"type": "app_mention", "user": "U061F7AUR",
                           "text": "<@U0LAN0Z89> is it everything a river should be?", "ts": "1515449522.000016",
                           "channel": "C123ABC456", "event_ts": "1515449522000016"}}""");
        JsonNode file = JSON.readTree(DOCUMENTED_DM.replace("\"channel_type\": \"im\"",
                "\"channel_type\": \"im\", \"subtype\": \"file_share\", \"files\": [{\"id\": \"F1\", \"name\": \"receipt.pdf\"}]"));

        assertThat(SlackEvents.read(mention).orElseThrow().text()).isEqualTo("is it everything a river should be?");
        assertThat(SlackEvents.read(file).orElseThrow().text())
                .isEqualTo("Hello hello can you hear me? [file: receipt.pdf]");
    }

    @Test
    void botsSubtypesAndChannelChatterAreNotCustomerMessages() throws Exception {
        for (String change : List.of("\"bot_id\": \"B0BOT\", \"channel_type\": \"im\"",
                "\"subtype\": \"bot_message\", \"channel_type\": \"im\"",
                "\"subtype\": \"message_changed\", \"channel_type\": \"im\"",
                "\"subtype\": \"message_deleted\", \"channel_type\": \"im\"",
                "\"channel_type\": \"channel\"", "\"channel_type\": \"mpim\"")) {
            JsonNode envelope = JSON.readTree(DOCUMENTED_DM.replace("\"channel_type\": \"im\"", change));
            assertThat(SlackEvents.read(envelope)).as(change).isEmpty();
        }
    }

    @Test
    void aMessageWithoutItsUserIs400NamingIt() throws Exception {
        JsonNode envelope = JSON.readTree(DOCUMENTED_DM.replace("\"user\": \"U2147483697\",", ""));

        assertThatThrownBy(() -> SlackEvents.read(envelope)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.field()).isEqualTo("event.user");
        });
    }

    @Test
    void aReplyIsEscapedAndItsSourcesBecomeLinks() {
        String text = Slack.text("Use <b> & ship", List.of(
                new MessageCitation("Shipping", "shipping.md", null),
                new MessageCitation("Returns policy", "https://example.com/returns", null)));

        assertThat(text).isEqualTo("Use &lt;b&gt; &amp; ship\n\nSources: Shipping (shipping.md), "
                + "<https://example.com/returns|Returns policy>");
        assertThat(Slack.text("x".repeat(50_000), List.of())).hasSize(Slack.MAX_TEXT_LENGTH).endsWith("…");
    }

    @Test
    void anUnconfiguredSlackAnswers404AndRefusesToSend() {
        var off = new SlackSettings(null, null, "https://slack.com", Duration.ofSeconds(10));
        var controller = new SlackWebhookController(off, null, JSON);
        var sender = new SlackSender(off, JSON, RestClient.builder());

        assertThatThrownBy(() -> controller.event(null, null, null, new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("the slack channel is off: set "
                            + "throughline.channels.slack.signing-secret and throughline.channels.slack.bot-token");
                });
        assertThatThrownBy(() -> sender.send(OutboundDelivery.direct(new Identity(IdentityType.SLACK, "T1:U1"), "hi")))
                .isInstanceOf(ChannelNotConfiguredException.class)
                .hasMessageContaining("throughline.channels.slack.bot-token");
    }
}

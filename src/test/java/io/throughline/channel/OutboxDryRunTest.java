package io.throughline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.throughline.conversation.Author;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.Direction;
import io.throughline.conversation.Message;
import io.throughline.conversation.Messages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.conversation.ReplyRoute;
import io.throughline.customer.Identity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code throughline.channels.dry-run}: a reply is marked sent and no provider hears of it. */
class OutboxDryRunTest {

    private final ChannelSender telegram = mock(ChannelSender.class);
    private final Messages messages = mock(Messages.class);
    private final OutboundMessages outbound = mock(OutboundMessages.class);
    private final io.throughline.customer.Consents consents = mock(io.throughline.customer.Consents.class);
    private final Message reply = new Message(UUID.randomUUID(), 7, UUID.randomUUID(), Direction.OUT, Author.BOT,
            "telegram", null, "Standard shipping takes 3-5 business days.", List.of(), DeliveryStatus.QUEUED,
            OffsetDateTime.now(), null);

    OutboxDryRunTest() {
        when(consents.allows(any(), any())).thenReturn(true);
        when(telegram.channel()).thenReturn("telegram");
        when(messages.find(reply.id())).thenReturn(Optional.of(reply));
        when(messages.replyRoute(reply.conversationId(), "telegram")).thenReturn(Optional.of(
                new ReplyRoute(new Identity(io.throughline.customer.IdentityType.TELEGRAM, "4242"), Map.of(), null)));
    }

    @Test
    void inDryRunAReplyIsMarkedSentWithoutCallingTheProvider() throws Exception {
        assertThat(new Outbox(List.of(telegram), messages, outbound, consents, true).send(reply.id())).isEmpty();

        verify(telegram, never()).send(any());
        verify(outbound).markSent(reply.id(), null);
    }

    @Test
    void inDryRunAChannelWithoutASenderIsNoFailure() throws Exception {
        new Outbox(List.of(), messages, outbound, consents, true).send(reply.id());

        verify(outbound).markSent(reply.id(), null);
    }

    @Test
    void inDryRunADirectMessageGoesNowhere() throws Exception {
        String providerId = new Outbox(List.of(telegram), messages, outbound, consents, true)
                .sendDirect("telegram", OutboundDelivery.direct(new Identity(io.throughline.customer.IdentityType.TELEGRAM,
                        "4242"), "Your code is 123456"));

        assertThat(providerId).isNull();
        verify(telegram, never()).send(any());
    }

    @Test
    void otherwiseTheProviderSendsIt() throws Exception {
        when(telegram.send(any())).thenReturn("tg-99");

        new Outbox(List.of(telegram), messages, outbound, consents, false).send(reply.id());

        verify(telegram).send(any());
        verify(outbound).markSent(reply.id(), "tg-99");
    }

    @Test
    void aReplyToAnAddressThatOptedOutOfTheChannelIsMarkedOptedOutNeverSentAndNotRetried() throws Exception {
        when(consents.allows(any(), any())).thenReturn(false);

        assertThat(new Outbox(List.of(telegram), messages, outbound, consents, false).send(reply.id()))
                .as("no refusal for an incident: the customer's choice is no fault").isEmpty();

        verify(telegram, never()).send(any());
        verify(outbound).markOptedOut(reply.id());
    }
}

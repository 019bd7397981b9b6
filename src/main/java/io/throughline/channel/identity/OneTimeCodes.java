package io.throughline.channel.identity;

import io.throughline.channel.ChannelNotConfiguredException;
import io.throughline.channel.OutboundDelivery;
import io.throughline.channel.Outbox;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityProofs;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Sends a one-time code to the address a customer claims, on the first channel that reaches it and is on. */
@Service
public class OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);

    /** The message carrying the code: the code first, so phones can offer it for autofill. */
    static final String TEXT = "%s is your verification code for our chat. It expires in 10 minutes. "
            + "If you did not ask for it, ignore this message.";

    private final IdentityProofs proofs;
    private final CodeChannels channels;
    private final Outbox outbox;

    OneTimeCodes(IdentityProofs proofs, CodeChannels channels, Outbox outbox) {
        this.proofs = proofs;
        this.channels = channels;
        this.outbox = outbox;
    }

    public record Sent(UUID proofId, String via) {}

    /** @throws CodeNotSentException when no channel reaches the address, or the provider did not take the message */
    public Sent send(Identity claimant, Identity claimed) {
        List<String> candidates = channels.reaching(claimed.type());
        ChannelNotConfiguredException off = null;
        for (String channel : candidates) {
            if (!outbox.allows(channel, claimed)) {
                log.info("no one-time code for {} via {}: that address opted out of it", masked(claimed), channel);
                continue;
            }
            IdentityProofs.IssuedCode issued = proofs.issue(claimant, claimed, channel);
            try {
                outbox.sendDirect(channel, OutboundDelivery.direct(claimed, TEXT.formatted(issued.code())));
                log.info("sent a one-time code for {} via {} (proof {})", masked(claimed), channel, issued.proofId());
                return new Sent(issued.proofId(), channel);
            } catch (ChannelNotConfiguredException e) {
                proofs.withdraw(issued.proofId());
                off = e;
            } catch (Exception e) {
                proofs.withdraw(issued.proofId());
                log.warn("a one-time code for {} could not be sent via {}: {}", masked(claimed), channel, e.toString());
                throw new CodeNotSentException("the code could not be sent via " + channel + "; try again in a moment",
                        false, e);
            }
        }
        throw new CodeNotSentException("no channel can send a code to " + (claimed.type().key().equals("phone")
                ? "a phone number: configure SMS (throughline.channels.twilio.*) or WhatsApp (throughline.channels.whatsapp.*)"
                : "an email address: configure the email channel (spring.mail.* and throughline.channels.email.*)"),
                true, off);
    }

    /** Enough of an address to tell two apart in a log, not enough to use it: +49******678, a***@example.com. */
    static String masked(Identity identity) {
        String value = identity.value();
        return switch (identity.type()) {
            case PHONE -> value.substring(0, 3) + "*".repeat(Math.max(0, value.length() - 6)) + value.substring(value.length() - 3);
            case EMAIL -> {
                int at = value.indexOf('@');
                yield at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
            }
            default -> identity.type().key() + ":***";
        };
    }
}

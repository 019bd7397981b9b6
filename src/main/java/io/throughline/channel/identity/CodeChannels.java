package io.throughline.channel.identity;

import io.throughline.channel.Outbox;
import io.throughline.customer.IdentityType;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which channels can carry a one-time code to an address, best first, among the senders this application has. A phone
 * gets SMS before WhatsApp: SMS reaches every number, while WhatsApp reaches only numbers on WhatsApp, and a business
 * may write first there only with an approved template.
 */
@Component
public class CodeChannels {

    static final Map<IdentityType, List<String>> PREFERENCE = Map.of(
            IdentityType.PHONE, List.of("sms", "whatsapp"),
            IdentityType.EMAIL, List.of("email"));

    private final Outbox outbox;

    CodeChannels(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The channels to try, in order; a sender that turns out to be off is skipped for the next. */
    public List<String> reaching(IdentityType type) {
        return PREFERENCE.getOrDefault(type, List.of()).stream().filter(outbox::knows).toList();
    }
}

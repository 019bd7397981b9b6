package io.throughline.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long resolved conversations are kept ({@code throughline.retention.*}).
 *
 * @param conversationsOlderThan a resolved conversation whose last message is older than this is deleted, with its
 *                               messages, timeline and the engine's history; null (empty): kept forever
 * @param every                  how often the deletion runs, on one node of a cluster
 * @param batchSize              conversations deleted per transaction
 */
@ConfigurationProperties("throughline.retention")
public record RetentionSettings(Duration conversationsOlderThan, @DefaultValue("P1D") Duration every,
                                @DefaultValue("200") int batchSize) {

    public RetentionSettings {
        if (conversationsOlderThan != null && (conversationsOlderThan.isNegative() || conversationsOlderThan.isZero())) {
            throw new IllegalArgumentException("throughline.retention.conversations-older-than must be a positive "
                    + "ISO-8601 duration such as P365D, or empty to keep conversations forever");
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("throughline.retention.every must be a positive duration such as P1D");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("throughline.retention.batch-size must be 1 or more");
        }
    }

    public boolean on() {
        return conversationsOlderThan != null;
    }
}

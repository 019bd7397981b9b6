package io.throughline.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages are classified against the labelled examples in {@code <knowledge dir>/intents/*.csv}.
 *
 * @param outOfScopeBelow a message whose closest example is less similar than this is out of scope. 0.35 is measured by
 *                        {@code IntentClassifierTest} on the demo examples: leave-one-out it keeps about 94% of them in
 *                        scope and catches 9 of 10 off-topic questions; raise it to be stricter
 */
@ConfigurationProperties("throughline.intents")
public record IntentSettings(@DefaultValue("0.35") double outOfScopeBelow) {

    public static IntentSettings defaults() {
        return new IntentSettings(0.35);
    }
}

package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.conversation.Moments;
import io.throughline.conversation.ProactiveMessages;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records one of the voice's phrases as the bot's next message: input {@code phrase} names it in voice.yml, its
 * {placeholders} are the journey's variables (date-times written as customers read them), and input {@code channel}
 * {@code preferred} sends it on the customer's preferred channel rather than where they last wrote.
 */
@Component("say")
class Say implements JavaDelegate {

    private final Voice voice;
    private final ProactiveMessages messages;
    private final Moments moments;

    Say(Voice voice, ProactiveMessages messages, Moments moments) {
        this.voice = voice;
        this.messages = messages;
        this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = voice.say(Steps.string(execution, Journey.Var.PHRASE), values(execution.getVariables(), moments),
                Steps.language(execution));
        boolean preferred = "preferred".equals(Steps.string(execution, Journey.Var.CHANNEL));
        var message = messages.record(Steps.conversationId(execution), text, preferred);
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, message.id().toString());
    }

    /** Variables as a phrase shows them. */
    static Map<String, String> values(Map<String, Object> variables, Moments moments) {
        Map<String, String> values = new HashMap<>();
        variables.forEach((name, value) -> {
            if (value instanceof String text) {
                values.put(name, moments.describeIfMoment(text).orElse(text));
            } else if (value instanceof Number || value instanceof Boolean) {
                values.put(name, value.toString());
            }
        });
        return values;
    }
}

package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.language.Language;
import io.throughline.conversation.Author;
import io.throughline.conversation.OutboundMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the bot's cited answer as the reply to send. */
@Component("composeAnswer")
class ComposeAnswer implements JavaDelegate {

    private final OutboundMessages outbound;
    private final CitationsVariable citations;
    private final Voice voice;

    ComposeAnswer(OutboundMessages outbound, CitationsVariable citations, Voice voice) {
        this.outbound = outbound;
        this.citations = citations;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reply = outbound.record(Steps.conversationId(execution), Author.BOT, text(execution), citations.read(execution));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reply.id().toString());
    }

    /**
     * The answer; to a customer writing another language than the business's, introduced in theirs, so they know the
     * quoted help article is the business's own words (a chat model, when configured, writes the answer itself in their
     * language).
     */
    private String text(DelegateExecution execution) {
        String answer = Steps.string(execution, GeneralSupport.Var.ANSWER_TEXT);
        Language language = Steps.language(execution);
        return language == Language.EN ? answer : voice.phrase("answerIntro", language) + "\n\n" + answer;
    }
}

package io.throughline.journey;

import io.throughline.conversation.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What the customer's answer to a yes-or-no question means: {@code replyMeans} yes, no or other. */
@Component("judgeReply")
class JudgeReply implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Journey.Var.REPLY_MEANS,
                Replies.meaning(Steps.string(execution, GeneralSupport.Var.QUESTION)).key());
    }
}

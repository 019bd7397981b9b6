package io.throughline.journey;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An agent who replies with outcome {@code reply} keeps the conversation: the customer's next message goes straight
 * to them. {@code hand-back}, {@code resolve} or no reply at all gives it back to the bot.
 */
@Component("rememberWhoAnswers")
class RememberWhoAnswers implements TaskListener {

    static final String WITH_AGENT = "withAgent";

    @Override
    public void notify(DelegateTask task) {
        String outcome = Steps.string(task, GeneralSupport.Var.OUTCOME);
        boolean replied = !Steps.string(task, GeneralSupport.Var.REPLY).isBlank();
        task.getExecution().setVariable(WITH_AGENT, replied && (outcome.isBlank() || outcome.equals("reply")));
    }
}

package io.throughline.journey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the journey's Spring beans, registered under the names the BPMN's {@code ${delegateExpression}}s use.
 * Each writes the variables its real counterpart writes, with values the test scripted, and records what it was asked
 * to do. The real delegates are tested end to end elsewhere; these let a process test walk every path of the BPMN.
 */
final class ScriptedSteps {

    record ScriptedDecision(String action, String queue, int priority, String reasons) {}

    private final Deque<ScriptedDecision> decisions = new ArrayDeque<>();
    private final Deque<Boolean> unread = new ArrayDeque<>();
    private final Deque<Boolean> resolved = new ArrayDeque<>();
    private int sendFailuresLeft;

    /** Reply message ids in the order they went out. */
    final List<String> sent = new ArrayList<>();
    /** The {@code resolution} each call to resolveConversation was given. */
    final List<String> resolutions = new ArrayList<>();
    /** The conversation ids the wake-up woke. */
    final List<String> woken = new ArrayList<>();

    /** The next Decide returns this; Decide with nothing scripted fails the job, so an unexpected pass shows. */
    ScriptedSteps decide(String action, String queue, int priority, String reasons) {
        decisions.add(new ScriptedDecision(action, queue, priority, reasons));
        return this;
    }

    /** The next checks for new messages answer these, then "nothing unread". */
    ScriptedSteps unreadAtNextChecks(Boolean... answers) {
        unread.addAll(List.of(answers));
        return this;
    }

    /** The next resolutions answer these, then "resolved". */
    ScriptedSteps resolvedAtNextResolutions(Boolean... answers) {
        resolved.addAll(List.of(answers));
        return this;
    }

    /** The next {@code times} sends fail, as a channel that is down would. */
    ScriptedSteps sendsFail(int times) {
        sendFailuresLeft = times;
        return this;
    }

    void register() {
        delegate("readCustomerMessages", execution -> {
            execution.setVariable(GeneralSupport.Var.QUESTION, "Where is my order?");
            execution.removeVariable(GeneralSupport.Var.OUTCOME);
        });
        delegate("classifyIntent", execution -> {
            execution.setVariable(GeneralSupport.Var.INTENT, "order-status");
            execution.setVariable(GeneralSupport.Var.INTENT_SCORE, 0.9);
            execution.setVariable(GeneralSupport.Var.OUT_OF_SCOPE, false);
        });
        delegate("findAnswer", execution -> {
            execution.setVariable(GeneralSupport.Var.ANSWER_TEXT, "Orders ship within two days.");
            execution.setVariable(GeneralSupport.Var.ANSWER_CONFIDENCE, 0.8);
        });
        delegate("decide", execution -> {
            ScriptedDecision decision = decisions.poll();
            if (decision == null) {
                throw new AssertionError("Decide ran, but the test scripted no decision");
            }
            execution.setVariable(GeneralSupport.Var.ACTION, decision.action());
            execution.setVariable(GeneralSupport.Var.QUEUE, decision.queue());
            execution.setVariable(GeneralSupport.Var.PRIORITY, decision.priority());
            execution.setVariable(GeneralSupport.Var.REASONS, decision.reasons());
        });
        delegate("composeAnswer", recordsReply("bot-answer"));
        delegate("askForDetails", recordsReply("bot-asks-for-details"));
        delegate("announceHandoff", recordsReply("handoff-notice"));
        delegate("recordAgentReply", recordsReply("agent-reply"));
        delegate("sendReply", execution -> {
            if (sendFailuresLeft > 0) {
                sendFailuresLeft--;
                throw new IllegalStateException("channel down");
            }
            sent.add((String) execution.getVariable(GeneralSupport.Var.REPLY_MESSAGE_ID));
        });
        delegate("checkForNewMessages", execution -> execution.setVariable(GeneralSupport.Var.HAS_UNREAD,
                unread.isEmpty() ? false : unread.poll()));
        delegate("resolveConversation", execution -> {
            resolutions.add((String) execution.getVariable(GeneralSupport.Var.RESOLUTION));
            execution.setVariable(GeneralSupport.Var.RESOLVED, resolved.isEmpty() ? true : resolved.poll());
        });
        Mocks.register("prepareHandoffTask", (TaskListener) task -> {
            task.setVariableLocal("customer", "Ada (ada@example.com)");
            task.getExecution().setVariable(GeneralSupport.Var.REPLY, "");
            task.getExecution().setVariable(GeneralSupport.Var.NOTE, "");
            task.getExecution().setVariable(GeneralSupport.Var.OUTCOME, "reply");
        });
        // The real rule: it needs nothing from Spring, and a copy here could drift from it.
        Mocks.register("rememberWhoAnswers", new RememberWhoAnswers());
        delegate("wakeJourney", execution -> {
            // what WakeJourney does once it holds the conversation
            String conversationId = (String) execution.getVariable(GeneralSupport.Var.CONVERSATION_ID);
            woken.add(conversationId);
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(GeneralSupport.CUSTOMER_WROTE)
                    .processInstanceBusinessKey(conversationId).correlateAll();
        });
    }

    private static JavaDelegate recordsReply(String replyMessageId) {
        return execution -> execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, replyMessageId);
    }

    private static void delegate(String name, JavaDelegate delegate) {
        Mocks.register(name, delegate);
    }
}

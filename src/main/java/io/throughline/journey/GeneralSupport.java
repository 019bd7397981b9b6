package io.throughline.journey;

/**
 * The general-support journey ({@code processes/general-support.bpmn}): its key, the message that wakes it, and the
 * variables its steps share. Ids stay ids; the only display values are the task's context (see HandoffTaskListener).
 */
public final class GeneralSupport {

    public static final String KEY = "general-support";
    /** The message the journey waits for; a wake-up correlates it by the conversation id as business key. */
    public static final String CUSTOMER_WROTE = "CustomerWrote";
    public static final String USER_TASK = "UserTask_Agent";

    private GeneralSupport() {
    }

    /** Process variable names. */
    public static final class Var {
        public static final String CONVERSATION_ID = "conversationId";
        public static final String CUSTOMER_ID = "customerId";
        public static final String IDLE_TIMEOUT = "idleTimeout";
        public static final String QUESTION = "question";
        public static final String INTENT = "intent";
        /** The language the customer wrote the question in (ISO 639-1): the bot's own words follow it. */
        public static final String LANGUAGE = "language";
        public static final String INTENT_SCORE = "intentScore";
        /** From this intent score on, the intent's own journey takes the conversation (setting route-from-score). */
        public static final String ROUTE_FROM_SCORE = "routeFromScore";
        public static final String OUT_OF_SCOPE = "outOfScope";
        public static final String ANSWER_TEXT = "answerText";
        public static final String ANSWER_CONFIDENCE = "answerConfidence";
        public static final String ANSWER_CITATIONS = "answerCitations";
        /** Why a guardrail stopped the answer (a String), or null. */
        public static final String ANSWER_BLOCKED = "answerBlocked";
        public static final String ACTION = "action";
        public static final String QUEUE = "queue";
        public static final String PRIORITY = "priority";
        public static final String REASONS = "reasons";
        public static final String REPLY_MESSAGE_ID = "replyMessageId";
        public static final String REPLY = "reply";
        public static final String NOTE = "note";
        public static final String OUTCOME = "outcome";
        public static final String HAS_UNREAD = "hasUnread";
        public static final String RESOLUTION = "resolution";
        public static final String RESOLVED = "resolved";

        private Var() {
        }
    }
}

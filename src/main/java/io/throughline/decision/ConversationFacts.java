package io.throughline.decision;

/** The conversation as the rules see it: the latest message, its intent and how the conversation went so far. */
public final class ConversationFacts {

    private final String conversationId;
    private final String channel;
    private final String intent;
    private final double intentScore;
    private final boolean outOfScope;
    private final int customerMessages;
    private final int unansweredQuestions;
    private final String text;

    public ConversationFacts(String conversationId, String channel, String intent, double intentScore,
            boolean outOfScope, int customerMessages, int unansweredQuestions, String text) {
        this.conversationId = conversationId;
        this.channel = channel;
        this.intent = intent;
        this.intentScore = intentScore;
        this.outOfScope = outOfScope;
        this.customerMessages = customerMessages;
        this.unansweredQuestions = unansweredQuestions;
        this.text = text;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getConversationId() {
        return conversationId;
    }

    /** e.g. "webchat", "email", "whatsapp". */
    public String getChannel() {
        return channel;
    }

    /** Null when the message is out of scope. */
    public String getIntent() {
        return intent;
    }

    public double getIntentScore() {
        return intentScore;
    }

    public boolean isOutOfScope() {
        return outOfScope;
    }

    /** Customer messages so far in this conversation, the latest included. */
    public int getCustomerMessages() {
        return customerMessages;
    }

    /** Earlier customer turns in this conversation that the bot did not answer. */
    public int getUnansweredQuestions() {
        return unansweredQuestions;
    }

    /** The customer's latest message. */
    public String getText() {
        return text;
    }

    @Override
    public String toString() {
        return "ConversationFacts[conversationId=" + conversationId + ", channel=" + channel + ", intent=" + intent
                + ", intentScore=" + intentScore + ", outOfScope=" + outOfScope + ", customerMessages="
                + customerMessages + ", unansweredQuestions=" + unansweredQuestions + "]";
    }

    public static final class Builder {

        private String conversationId;
        private String channel = "webchat";
        private String intent;
        private double intentScore;
        private boolean outOfScope;
        private int customerMessages = 1;
        private int unansweredQuestions;
        private String text = "";

        private Builder() {
        }

        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder intent(String intent, double score) {
            this.intent = intent;
            this.intentScore = score;
            return this;
        }

        public Builder outOfScope() {
            this.intent = null;
            this.outOfScope = true;
            return this;
        }

        public Builder customerMessages(int customerMessages) {
            this.customerMessages = customerMessages;
            return this;
        }

        public Builder unansweredQuestions(int unansweredQuestions) {
            this.unansweredQuestions = unansweredQuestions;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public ConversationFacts build() {
            return new ConversationFacts(conversationId, channel, intent, intentScore, outOfScope,
                    customerMessages, unansweredQuestions, text);
        }
    }
}

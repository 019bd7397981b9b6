package io.throughline.decision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The conversation as the rules see it: the latest message, its intent, the channel it came on, and how the conversation
 * went so far (what the customer wrote, how often the bot asked for details).
 */
public final class ConversationFacts {

    /** The expressions the rules search with, compiled once each. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final String conversationId;
    private final String channel;
    private final String intent;
    private final double intentScore;
    private final boolean outOfScope;
    private final int customerMessages;
    private final int unansweredQuestions;
    private final String text;
    private final String customerText;
    private final int detailsAsked;
    private String language = "en";

    public ConversationFacts(String conversationId, String channel, String intent, double intentScore,
            boolean outOfScope, int customerMessages, int unansweredQuestions, String text) {
        this(conversationId, channel, intent, intentScore, outOfScope, customerMessages, unansweredQuestions, text, text,
                0);
    }

    /**
     * @param customerText everything the customer wrote in this conversation, the latest message included
     * @param detailsAsked how often the bot already asked for details in this conversation
     */
    public ConversationFacts(String conversationId, String channel, String intent, double intentScore,
            boolean outOfScope, int customerMessages, int unansweredQuestions, String text, String customerText,
            int detailsAsked) {
        this.conversationId = conversationId;
        this.channel = channel;
        this.intent = intent;
        this.intentScore = intentScore;
        this.outOfScope = outOfScope;
        this.customerMessages = customerMessages;
        this.unansweredQuestions = unansweredQuestions;
        this.text = text;
        this.customerText = customerText == null ? (text == null ? "" : text) : customerText;
        this.detailsAsked = detailsAsked;
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
    /**
     * The language the customer writes in (ISO 639-1: en, nl, de, fr, es), so a rule can route to an agent who speaks
     * it: {@code ConversationFacts( language == "nl" )}.
     */
    public String getLanguage() {
        return language;
    }

    public String getText() {
        return text;
    }

    /** Everything the customer wrote in this conversation, on any channel, oldest first, one message per line. */
    public String getCustomerText() {
        return customerText;
    }

    /**
     * Whether anything the customer wrote in this conversation matches the regular expression (ignoring case), as in
     * {@code mentions("order (number|no)")}. For details the customer may have given in an earlier message.
     */
    public boolean mentions(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .matcher(customerText).find();
    }

    /** How often the bot already asked for details in this conversation (earlier GATHER_DETAILS decisions). */
    public int getDetailsAsked() {
        return detailsAsked;
    }

    @Override
    public String toString() {
        return "ConversationFacts[conversationId=" + conversationId + ", channel=" + channel + ", intent=" + intent
                + ", intentScore=" + intentScore + ", outOfScope=" + outOfScope + ", customerMessages="
                + customerMessages + ", unansweredQuestions=" + unansweredQuestions + ", detailsAsked=" + detailsAsked
                + "]";
    }

    public static final class Builder {
        private String language;

        private String conversationId;
        private String channel = "webchat";
        private String intent;
        private double intentScore;
        private boolean outOfScope;
        private int customerMessages = 1;
        private int unansweredQuestions;
        private String text = "";
        private String customerText;
        private int detailsAsked;

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

        /** Everything the customer wrote in the conversation; the latest message alone when not given. */
        public Builder customerText(String customerText) {
            this.customerText = customerText;
            return this;
        }

        public Builder detailsAsked(int detailsAsked) {
            this.detailsAsked = detailsAsked;
            return this;
        }

        /** ISO 639-1; English when not given. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public ConversationFacts build() {
            ConversationFacts facts = new ConversationFacts(conversationId, channel, intent, intentScore, outOfScope,
                    customerMessages, unansweredQuestions, text, customerText, detailsAsked);
            facts.language = language == null || language.isBlank() ? "en" : language;
            return facts;
        }
    }
}

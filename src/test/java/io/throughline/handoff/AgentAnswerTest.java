package io.throughline.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.handoff.AgentAnswer.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an agent may submit, and what it means for the conversation. */
class AgentAnswerTest {

    @ParameterizedTest(name = "outcome \"{0}\" is {1}")
    @CsvSource(value = {"reply,REPLY", "hand-back,HAND_BACK", "resolve,RESOLVE", " Resolve ,RESOLVE", "NULL,REPLY", "'',REPLY"},
            nullValues = "NULL")
    void outcomesAreReadAsTheContractWritesThem(String submitted, Outcome expected) {
        assertThat(AgentAnswer.of("Hi", "", submitted).outcome()).isEqualTo(expected);
    }

    @Test
    void anUnknownOutcomeIsRefusedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> AgentAnswer.of("Hi", "", "later"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outcome must be one of reply, hand-back, resolve (or absent, which means reply); got \"later\"");
    }

    @Test
    void aReplyOrNoteTooLongToKeepIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AgentAnswer.of("x".repeat(4_001), "", "reply"))
                .hasMessage("reply is 4,001 characters; at most 4,000 fit: shorten it");
        assertThatThrownBy(() -> AgentAnswer.of("", "n".repeat(5_000), "reply")).hasMessageStartingWith("note is 5,000");
        assertThat(AgentAnswer.of("x".repeat(4_000), "", null).reply()).hasSize(4_000);
    }

    @Test
    void onlyAReplyWithOutcomeReplyKeepsTheConversationWithTheAgent() {
        assertThat(AgentAnswer.of("Hi", null, "reply").keepsConversation()).isTrue();
        assertThat(AgentAnswer.of("Hi", null, null).keepsConversation()).isTrue();
        assertThat(AgentAnswer.of("Hi", null, "hand-back").keepsConversation()).isFalse();
        assertThat(AgentAnswer.of("Hi", null, "resolve").keepsConversation()).isFalse();
        assertThat(AgentAnswer.of("  \n", "looked into it", "reply").keepsConversation()).as("no reply, back to the bot")
                .isFalse();
    }

    @Test
    void blanksAreNothing() {
        var answer = AgentAnswer.of("  Hello  ", "   ", null);

        assertThat(answer.reply()).isEqualTo("Hello");
        assertThat(answer.noted()).isFalse();
        assertThat(answer.replied()).isTrue();
    }
}

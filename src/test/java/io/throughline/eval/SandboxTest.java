package io.throughline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxTest {

    @Test
    void channelMailAndChatModelSettingsAreHiddenHoweverTheyAreSpelled() {
        assertThat(Sandbox.hidden("THROUGHLINE_CHANNELS_TELEGRAM_BOT_TOKEN")).isTrue();
        assertThat(Sandbox.hidden("throughline.channels.email.imap.password")).isTrue();
        assertThat(Sandbox.hidden("throughline.channels.whatsapp.accessToken")).isTrue();
        assertThat(Sandbox.hidden("SPRING_MAIL_PASSWORD")).isTrue();
        assertThat(Sandbox.hidden("throughline.llm.api-key")).isTrue();
        assertThat(Sandbox.hidden("THROUGHLINE_KNOWLEDGE_INDEX_DIR")).isTrue();

        assertThat(Sandbox.hidden("throughline.knowledge.dir")).isFalse();
        assertThat(Sandbox.hidden("THROUGHLINE_RULES_DIR")).isFalse();
        assertThat(Sandbox.hidden("spring.datasource.url")).isFalse();
    }
}

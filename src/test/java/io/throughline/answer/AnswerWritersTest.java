package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.throughline.knowledge.SharedEmbeddings;

@ExtendWith(OutputCaptureExtension.class)
class AnswerWritersTest {

    @Test
    void theEnvironmentNamesTheChatModelAndTheTimeoutDefaultsToTwentySeconds() {
        LlmSettings settings = bind(Map.of("THROUGHLINE_LLM_BASE_URL", "http://localhost:11434/v1",
                "THROUGHLINE_LLM_MODEL", "llama3.1"));

        assertThat(settings.configured()).isTrue();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.model()).isEqualTo("llama3.1");
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void withoutAModelAnswersStayExtractiveAndSaySoOnce(CapturedOutput output) {
        LlmSettings settings = bind(Map.of("THROUGHLINE_LLM_BASE_URL", "http://localhost:11434/v1"));

        AnswerWriter writer = new AnswerWriters().answerWriter(settings, AnswerSettings.defaults(), SharedEmbeddings.get());

        assertThat(settings.configured()).isFalse();
        assertThat(writer).isInstanceOf(ExtractiveWriter.class);
        assertThat(output.getOut()).containsOnlyOnce("Answers are extractive");
    }

    @Test
    void aConfiguredModelWritesTheAnswersAndItsKeyIsNeverLogged(CapturedOutput output) {
        LlmSettings settings = bind(Map.of("THROUGHLINE_LLM_BASE_URL", "https://llm.example/v1",
                "THROUGHLINE_LLM_MODEL", "gpt-4o-mini", "THROUGHLINE_LLM_API_KEY", "sk-secret-123",
                "THROUGHLINE_LLM_TIMEOUT", "5s"));

        AnswerWriter writer = new AnswerWriters().answerWriter(settings, AnswerSettings.defaults(), SharedEmbeddings.get());

        assertThat(writer).isInstanceOf(LlmAnswerWriter.class);
        assertThat(output.getOut()).containsOnlyOnce("Answers are written by the chat model gpt-4o-mini at "
                + "https://llm.example/v1 (timeout PT5S)").doesNotContain("sk-secret-123");
        assertThat(settings.toString()).doesNotContain("sk-secret-123");
    }

    private static LlmSettings bind(Map<String, Object> environment) {
        var environmentSource = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(environmentSource))
                .bindOrCreate("throughline.llm", LlmSettings.class);
    }
}

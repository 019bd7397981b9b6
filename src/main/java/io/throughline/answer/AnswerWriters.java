package io.throughline.answer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.throughline.knowledge.Embeddings;

/** Picks who writes answers: the chat model when {@code throughline.llm} names one, else the extractive writer. */
@Configuration(proxyBeanMethods = false)
class AnswerWriters {

    private static final Logger log = LoggerFactory.getLogger(AnswerWriters.class);

    @Bean
    AnswerWriter answerWriter(LlmSettings llm, AnswerSettings settings, Embeddings embeddings) {
        AnswerWriter extractive = new ExtractiveWriter(embeddings, settings.maxSentences());
        if (!llm.configured()) {
            log.info("Answers are extractive: quoted from the knowledge base, offline. Set throughline.llm.base-url and "
                    + "throughline.llm.model to let a chat model write them.");
            return extractive;
        }
        log.info("Answers are written by the chat model {} at {} (timeout {}), from the retrieved passages only",
                llm.model(), llm.baseUrl(), llm.timeout());
        return new LlmAnswerWriter(chatModel(llm), extractive);
    }

    /**
     * Temperature 0: the same passages give the same answer. No retries: a failed call falls back to the extractive answer
     * at once. Without a key no Authorization header is sent (Ollama and other local servers need none).
     */
    static OpenAiChatModel chatModel(LlmSettings llm) {
        return OpenAiChatModel.builder()
                .baseUrl(llm.baseUrl())
                .apiKey(llm.apiKey() == null || llm.apiKey().isBlank() ? null : llm.apiKey())
                .modelName(llm.model())
                .temperature(0.0)
                .timeout(llm.timeout())
                .maxRetries(0)
                .build();
    }
}

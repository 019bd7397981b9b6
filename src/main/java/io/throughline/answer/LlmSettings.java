package io.throughline.answer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional chat model that writes answers from the retrieved passages: any OpenAI-compatible endpoint, Ollama's
 * {@code /v1} included. Without a base URL and a model the answerer stays extractive and offline.
 *
 * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param apiKey  optional: local servers such as Ollama need none
 * @param timeout how long a customer waits for the model before the extractive answer is given instead
 */
@ConfigurationProperties("throughline.llm")
public record LlmSettings(String baseUrl, String model, String apiKey, @DefaultValue("20s") Duration timeout) {

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + "]";
    }
}

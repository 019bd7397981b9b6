package io.throughline.answer.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.throughline.answer.IntentClassifier;
import io.throughline.answer.IntentSettings;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.SharedEmbeddings;

class IntentControllerTest {

    private static MockMvc mvc;

    @BeforeAll
    static void controllerOverTheDemoExamples() {
        IntentClassifier classifier = new IntentClassifier(KnowledgeSettings.of(Path.of("knowledge")),
                SharedEmbeddings.get(), IntentSettings.defaults());
        mvc = MockMvcBuilders.standaloneSetup(new IntentController(classifier)).build();
    }

    @Test
    void classifiesAText() throws Exception {
        mvc.perform(post("/api/intents/classify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"I want to talk to a human agent please\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value("human"))
                .andExpect(jsonPath("$.score").value(Matchers.greaterThan(0.9)))
                .andExpect(jsonPath("$.outOfScope").value(false));
    }

    @Test
    void reportsAnOffTopicTextOutOfScopeWithANullIntent() throws Exception {
        mvc.perform(post("/api/intents/classify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"What is the capital of Peru?\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intent").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.outOfScope").value(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"text\": \"  \"}", "{\"text\": null}"})
    void rejectsAMissingOrBlankText(String body) throws Exception {
        mvc.perform(post("/api/intents/classify").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest());
    }
}

package io.throughline.answer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.throughline.knowledge.KnowledgeSettings;

/**
 * The bot's phrases, from {@code <knowledge dir>/voice.yml}. A phrase the file leaves out falls back to a neutral default,
 * so the bot always has something to say.
 */
@Component
public class Voice {

    private static final Logger log = LoggerFactory.getLogger(Voice.class);

    private static final Map<String, String> DEFAULTS = Map.of(
            "greeting", "Hi! How can we help?",
            "handoff", "Let me bring in a person from our team — they'll reply right here.",
            "dontKnow", "I'm not sure about that one.",
            "askForDetails", "Could you tell me a bit more — for example your order number or what you see on the screen?",
            "afterHours", "Our team is away right now; we'll reply as soon as we're back.",
            "csatQuestion", "How did we do? Reply with a number from 1 (poor) to 5 (great).",
            "answerIntro", "");

    private final Map<String, Object> phrases;

    @Autowired
    public Voice(KnowledgeSettings settings) {
        this(settings.dir().resolve("voice.yml"));
    }

    Voice(Path file) {
        this.phrases = load(file);
    }

    public String greeting() {
        return phrase("greeting");
    }

    public String handoff() {
        return phrase("handoff");
    }

    public String dontKnow() {
        return phrase("dontKnow");
    }

    public String askForDetails() {
        return phrase("askForDetails");
    }

    public String afterHours() {
        return phrase("afterHours");
    }

    public String csatQuestion() {
        return phrase("csatQuestion");
    }

    /** Put before a quoted answer; empty when the voice has none. */
    public String answerIntro() {
        return phrase("answerIntro");
    }

    private String phrase(String key) {
        Object value = phrases.get(key);
        return value == null || value.toString().isBlank() ? DEFAULTS.get(key) : value.toString().strip();
    }

    private static Map<String, Object> load(Path file) {
        if (!Files.isRegularFile(file)) {
            log.warn("No voice file at {}: the bot uses its default phrases", file.toAbsolutePath());
            return Map.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (document != null && !(document instanceof Map)) {
                throw new IllegalArgumentException(file + " must be a mapping of phrase names to phrases");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> phrases = document == null ? Map.of() : (Map<String, Object>) document;
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}

package io.throughline.answer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.throughline.language.Language;

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

    /** The journeys' phrases ({@link #say}), with {placeholders} for what the journey knows. */
    private static final Map<String, String> JOURNEY_DEFAULTS = Map.ofEntries(
            Map.entry("followUp", "Just checking in: is there anything else I can help with? Reply here any time."),
            Map.entry("csatThanks", "Thank you for your rating, it helps us get better."),
            Map.entry("afterHoursHandoff", "Our team is away right now; a person will reply from {nextOpeningText}."),
            Map.entry("switchedChannel", "I've sent the answer to you by {channel}."),
            Map.entry("didThatHelp", "Did that fix it? Reply yes or no."),
            Map.entry("fixed", "Great, glad it works again! Write any time if something else comes up."),
            Map.entry("askOrderNumber", "To pass this on to our team: what is your order number?"),
            Map.entry("askDevice", "Which product is it?"),
            Map.entry("askError", "What exactly happens? Does it show an error code or a blinking light?"),
            Map.entry("qualifyingQuestions", "To point you to the right option: how many people will use it, and what for?"),
            Map.entry("offerDemo", "Would you like a free demo? Reply yes and I'll find you a time."),
            Map.entry("offerSlots", "Here are the next free times for a {kind}:\n{slots}\nReply with the number you'd like, or 'other times'."),
            Map.entry("offerSlotsAgain", "Sorry, that time was just taken. Here are the next free ones:\n{slots}\nReply with the number you'd like, or 'other times'."),
            Map.entry("noSlots", "Sorry, there are no free times for a {kind} in the coming weeks."),
            Map.entry("bookingConfirmed", "You're booked: {kind} on {slot}. To change it, just write 'reschedule' or 'cancel'."),
            Map.entry("bookingExisting", "You're booked for a {kind} on {slot}. Would you like to reschedule or cancel it?"),
            Map.entry("bookingCancelled", "Done: your {kind} on {slot} is cancelled."),
            Map.entry("bookingReminder", "A reminder: your {kind} is on {slot}. To change it, write 'reschedule' or 'cancel'."),
            Map.entry("onboardingWelcome", "Welcome! Ask me anything, here or on any channel you like."),
            Map.entry("onboardingChecklist", "Your first-week checklist:\n1. Set up your account\n2. Register your product\n3. Try it out\nReply with the numbers you've done, for example 'done 1 and 2'."),
            Map.entry("onboardingNudge", "How is it going? If you're stuck on the checklist, just tell me where."),
            Map.entry("onboardingProgress", "Nice, {done} of {total} done!"),
            Map.entry("onboardingDone", "That's everything on the checklist. Enjoy!"),
            Map.entry("renewalReminder", "A reminder: your {plan} plan renews on {renewsOn}. Reply here if you'd like to change anything."));
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Path file;
    private final Map<String, Object> phrases;
    /** Per other language: the business's {@code voice.<code>.yml} over the shipped translation. */
    private final Map<Language, Map<String, Object>> translations = new EnumMap<>(Language.class);

    @Autowired
    public Voice(KnowledgeSettings settings) {
        this(settings.dir().resolve("voice.yml"));
    }

    Voice(Path file) {
        this.file = file;
        this.phrases = load(file);
        for (Language language : Language.values()) {
            if (language != Language.EN) {
                Map<String, Object> translation = new HashMap<>(shipped(language));
                Path own = file.resolveSibling("voice." + language.code() + ".yml");
                if (Files.isRegularFile(own)) {
                    translation.putAll(load(own));
                }
                translations.put(language, translation);
            }
        }
    }

    /**
     * {@link #say(String, Map)} in the customer's language: the business's {@code voice.<code>.yml}, else the shipped
     * translation, else the phrase of {@code voice.yml} (a phrase a business added has no translation until it writes one).
     */
    public String say(String key, Map<String, ?> values, Language language) {
        Object translated = language == null ? null : translations.getOrDefault(language, Map.of()).get(key);
        if (translated == null || translated.toString().isBlank()) {
            return say(key, values);
        }
        return fill(key, translated.toString().strip(), values);
    }

    /** A phrase without placeholders in the customer's language. */
    public String phrase(String key, Language language) {
        return say(key, Map.of(), language);
    }

    /**
     * A phrase by its name in voice.yml (or its default) with every {@code {placeholder}} filled from {@code values};
     * one with no value is left out, and logged. A name neither voice.yml nor the defaults know is an error that names
     * the file, so a journey step with a mistyped phrase fails visibly (an incident) instead of saying nothing.
     */
    public String say(String key, Map<String, ?> values) {
        String phrase = phrase(key);
        if (phrase == null) {
            throw new IllegalArgumentException("no phrase '" + key + "' in " + file + " and no default for it: add "
                    + key + ": \"...\" to " + file);
        }
        return fill(key, phrase, values);
    }

    private static String fill(String key, String phrase, Map<String, ?> values) {
        var placeholders = PLACEHOLDER.matcher(phrase);
        StringBuilder said = new StringBuilder();
        while (placeholders.find()) {
            Object value = values.get(placeholders.group(1));
            if (value == null) {
                log.warn("phrase '{}' has {{{}}}, but the journey has no value for it; it is left out", key,
                        placeholders.group(1));
            }
            placeholders.appendReplacement(said, java.util.regex.Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        placeholders.appendTail(said);
        return said.toString().replaceAll("[ \\t]{2,}", " ").strip();
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
        if (value == null || value.toString().isBlank()) {
            return DEFAULTS.containsKey(key) ? DEFAULTS.get(key) : JOURNEY_DEFAULTS.get(key);
        }
        return value.toString().strip();
    }

    private static Map<String, Object> shipped(Language language) {
        String resource = "voice/voice." + language.code() + ".yml";
        try (var in = Voice.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> phrases = document instanceof Map ? (Map<String, Object>) document : Map.of();
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped " + resource, e);
        }
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

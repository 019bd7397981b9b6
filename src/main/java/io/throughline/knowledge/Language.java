package io.throughline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The languages the bot speaks, and which of them a text is written in: detected offline from letter n-grams (the
 * Optimaize language detector with only these five languages' short-text profiles loaded). A text too short or too
 * mixed to tell (below {@link #MIN_PROBABILITY}) is in the fallback language the caller gives: the conversation's so far,
 * or the business's own.
 */
public enum Language {
    ENGLISH("en"), DUTCH("nl"), GERMAN("de"), FRENCH("fr"), SPANISH("es");

    /** How sure the detector must be before a text counts as written in a language. */
    static final double MIN_PROBABILITY = 0.80;
    /** Fewer letters than this say too little about a language ("ok", "ja", "E2"). */
    private static final int MIN_LETTERS = 8;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language with this ISO 639-1 code, if the bot speaks it. */
    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    /** The language {@code text} is written in, or {@code fallback} when it cannot be told. */
    public static Language of(String text, Language fallback) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return fallback;
        }
        List<DetectedLanguage> guesses = Detector.DETECTOR.getProbabilities(Detector.TEXTS.forText(text));
        if (guesses.isEmpty() || guesses.get(0).getProbability() < MIN_PROBABILITY) {
            return fallback;
        }
        return ofCode(guesses.get(0).getLocale().getLanguage()).orElse(fallback);
    }

    /** Loaded on first use: the profiles are read once, and the detector is thread-safe. */
    private static final class Detector {
        static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingShortCleanText();
        static final LanguageDetector DETECTOR = build();

        private static LanguageDetector build() {
            try {
                var profiles = new LanguageProfileReader().read("languages.shorttext",
                        Arrays.stream(Language.values()).map(Language::code).toList());
                return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the language profiles from the detector's jar", e);
            }
        }
    }
}

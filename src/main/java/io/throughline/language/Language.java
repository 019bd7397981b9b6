package io.throughline.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The languages the bot serves. Which one a message is written in is detected offline from letter n-grams ({@link #of}:
 * the Optimaize language detector with only these five languages' short-text profiles loaded); each language is also
 * known by its commonest little words ({@link #guess}), which is enough to tell whether "onze" in a sentence is French
 * for 11 or Dutch for "our".
 */
public enum Language {
    EN("the and you your is are to of with for this that it be will can have we our on at by from not"),
    NL("het een en van je jij u uw niet wel dat op voor met zijn wordt kunt ook bij naar onze ons geen maar als er om tot"
            + " is"),
    DE("der die das und ist nicht sie ihr ihre mit fur auf ein eine zu den dem bis auch wird werden konnen sind oder wir"
            + " unser unsere im bei"),
    FR("le la les et est vous votre vos des du un une pour avec pas ne sur au aux nous notre il elle ce cette sont qui que"
            + " dans en"),
    ES("el los las y es usted su sus del que por para con no un una se lo esta son nuestro nuestra al hasta como en");

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** How sure the detector must be before a message counts as written in a language. */
    static final double MIN_PROBABILITY = 0.80;
    /** Fewer letters than this say too little about a language ("ok", "ja", "E2"). */
    private static final int MIN_LETTERS = 8;

    private final Set<String> functionWords;

    Language(String functionWords) {
        this.functionWords = Set.of(functionWords.split(" "));
    }

    /** ISO 639-1: en, nl, de, fr, es. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language with this ISO 639-1 code, if the bot serves it. */
    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    /** The language {@code text} is written in, or {@code fallback} when it is too short or too mixed to tell. */
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

    /** A little word of any of the languages ("the", "het", "und", "vous", "los"), folded as {@link Text#fold} does. */
    public static boolean isFunctionWord(String folded) {
        for (Language language : values()) {
            if (language.functionWords.contains(folded)) {
                return true;
            }
        }
        return false;
    }

    /** The languages the text is most likely written in: those with the most little words in it; none when it has none. */
    public static Set<Language> guess(String text) {
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        Matcher word = WORD.matcher(Text.fold(text));
        while (word.find()) {
            for (Language language : values()) {
                if (language.functionWords.contains(word.group())) {
                    counts.merge(language, 1, Integer::sum);
                }
            }
        }
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<Language> likely = EnumSet.noneOf(Language.class);
        counts.forEach((language, count) -> {
            if (count == most) {
                likely.add(language);
            }
        });
        return likely;
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
